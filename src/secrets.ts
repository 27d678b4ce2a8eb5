import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, type Hmac } from 'node:crypto';

/**
 * The keys that protect codes and personal data. Lookup hashes use one HMAC key (changing it
 * would orphan every stored hash); encryption keys carry an id so they can rotate: new values use
 * the first key, old values name the key that sealed them.
 */
export interface Keyring {
  hmac(data: string): Buffer;
  /** 1-byte key id + 12-byte nonce + ciphertext + 16-byte tag. A caller sealing many values may pass fresh CSPRNG nonces drawn in bulk. */
  encrypt(clear: string, nonce?: Buffer): Buffer;
  decrypt(sealed: Buffer | Uint8Array): string;
  encryptText(clear: string): string;
  decryptText(sealed: string): string;
  /** A fresh HMAC-SHA256 under the audit key: it seals the audit chain (src/modules/audit/mac.ts). */
  auditMac(): Hmac;
}

export interface KeyMaterial {
  hmacKey: Buffer;
  encKeys: { id: number; key: Buffer }[]; // first is current
  /** KAQUAN_AUDIT_KEY; when absent the audit key is derived from hmacKey */
  auditKey?: Buffer;
}

export function parseKeyMaterial(hmacB64: string, encSpec: string): KeyMaterial {
  const hmacKey = Buffer.from(hmacB64, 'base64');
  if (hmacKey.length < 32) throw new Error('KAQUAN_HMAC_KEY must be at least 32 bytes, base64');
  const encKeys = encSpec.split(',').map((part) => {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    const n = Number(id);
    if (!Number.isInteger(n) || n < 1 || n > 255 || key.length !== 32)
      throw new Error('KAQUAN_ENC_KEYS must be "id:base64(32 bytes)" items, id 1..255, comma separated');
    return { id: n, key };
  });
  return { hmacKey, encKeys };
}

export function parseAuditKey(b64: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length < 32) throw new Error('KAQUAN_AUDIT_KEY must be at least 32 bytes, base64');
  return key;
}

/**
 * A 32-byte key for one purpose, derived from the configured HMAC key (HKDF-SHA256): knowing the
 * derived key tells nothing of the HMAC key or of keys derived for other purposes.
 */
export function deriveKey(hmacKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', hmacKey, Buffer.alloc(0), `kaquan:${purpose}`, 32));
}

export function generateKeyMaterial(): KeyMaterial {
  return { hmacKey: randomBytes(32), encKeys: [{ id: 1, key: randomBytes(32) }] };
}

export function keyring(m: KeyMaterial): Keyring {
  const current = m.encKeys[0];
  const auditKey = m.auditKey ?? deriveKey(m.hmacKey, 'audit-seal');
  const byId = new Map(m.encKeys.map((k) => [k.id, k.key]));
  const encrypt = (clear: string, nonce: Buffer = randomBytes(12)) => {
    if (nonce.length !== 12) throw new Error('a nonce is 12 bytes');
    const c = createCipheriv('aes-256-gcm', current.key, nonce);
    const body = Buffer.concat([c.update(clear, 'utf8'), c.final()]);
    return Buffer.concat([Buffer.from([current.id]), nonce, body, c.getAuthTag()]);
  };
  const decrypt = (sealed: Buffer | Uint8Array) => {
    const b = Buffer.from(sealed);
    const key = byId.get(b[0]);
    if (!key) throw new Error(`no encryption key with id ${b[0]}`);
    const d = createDecipheriv('aes-256-gcm', key, b.subarray(1, 13));
    d.setAuthTag(b.subarray(b.length - 16));
    return Buffer.concat([d.update(b.subarray(13, b.length - 16)), d.final()]).toString('utf8');
  };
  return {
    hmac: (data) => createHmac('sha256', m.hmacKey).update(data).digest().subarray(0, 16),
    encrypt,
    decrypt,
    encryptText: (clear) => encrypt(clear).toString('base64'),
    decryptText: (sealed) => decrypt(Buffer.from(sealed, 'base64')),
    auditMac: () => createHmac('sha256', auditKey),
  };
}
