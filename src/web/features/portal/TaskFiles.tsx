import { useRef } from 'react';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage } from '../../components/ui/Field.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Project, ProjectTask } from '../projects/projects.api.ts';
import { fileUrl, useUploadTaskFile } from './portal.api.ts';
import './portal.css';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** A task's files (the customer's and the team's), each a download, and an upload button. */
export function TaskFiles({ project, task, canWrite }: { project: Project; task: ProjectTask; canWrite: boolean }) {
  const upload = useUploadTaskFile(project.id, task.id);
  const input = useRef<HTMLInputElement>(null);
  const notify = useToast();
  return (
    <div className="task-files">
      {task.files.length === 0 ? (
        <p className="muted">No files yet.{task.customerVisible ? ' Files you attach here are shared with the customer in their portal.' : ''}</p>
      ) : (
        <ul className="task-file-list">
          {task.files.map((file) => (
            <li key={file.id}>
              <a href={fileUrl(project.id, file.id)} download={file.fileName}>
                {file.fileName}
              </a>
              <span className="muted small">
                {formatSize(file.size)} · {file.uploadedBy} · <span title={formatDateTime(file.at)}>{formatRelative(file.at)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <>
          <input
            ref={input}
            type="file"
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) upload.mutate(file, { onSuccess: (saved) => notify(`${saved.fileName} attached`) });
            }}
          />
          <Button size="sm" busy={upload.isPending} onClick={() => input.current?.click()}>
            Upload a file
          </Button>
          <FormMessage message={upload.error ? errorText(upload.error) : undefined} />
        </>
      )}
    </div>
  );
}
