import { describe, expect, it } from 'vitest';
import { checkOutboundTarget, isPrivateAddress } from './ssrf.ts';

const strict = { allowPrivate: false, httpsOnly: true };

describe('the SSRF guard for outbound URLs', () => {
  it('knows private, loopback, link-local, metadata and mapped addresses from public ones', () => {
    for (const inside of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', 'not-an-ip']) {
      expect(isPrivateAddress(inside), inside).toBe(true);
    }
    for (const outside of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(outside), outside).toBe(false);
  });

  it('refuses loopback and metadata targets, plain http in production, and credentials in the URL, saying why', async () => {
    await expect(checkOutboundTarget('https://127.0.0.1/hook', strict)).rejects.toThrow(/127\.0\.0\.1, a private/);
    await expect(checkOutboundTarget('https://169.254.169.254/latest/meta-data', strict)).rejects.toThrow(/169\.254\.169\.254/);
    await expect(checkOutboundTarget('https://[::1]/hook', strict)).rejects.toThrow(/::1/);
    await expect(checkOutboundTarget('https://localhost/hook', strict)).rejects.toThrow(/private/);
    await expect(checkOutboundTarget('http://93.184.215.14/hook', strict)).rejects.toThrow(/https/);
    await expect(checkOutboundTarget('https://user:pw@93.184.215.14/hook', strict)).rejects.toThrow(/user name/);
    await expect(checkOutboundTarget('https://93.184.215.14/hook', strict)).resolves.toMatchObject({ address: '93.184.215.14', family: 4 });
  });

  it('lets private targets through only when the configuration allows them', async () => {
    await expect(checkOutboundTarget('http://127.0.0.1:9/hook', { allowPrivate: true, httpsOnly: false })).resolves.toMatchObject({ address: '127.0.0.1' });
  });
});
