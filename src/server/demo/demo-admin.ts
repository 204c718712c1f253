/** The demo workspace's admin, who the demo's own history says did the vendor's part. */
export interface DemoAdmin {
  id: string;
  name: string;
}
