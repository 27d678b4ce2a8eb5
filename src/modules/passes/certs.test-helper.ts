import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/**
 * A certificate chain a test makes itself, shaped like Apple's: a root standing in for Apple's WWDR
 * intermediate, and a "Pass Type ID" certificate it signs for the tenant's pass type, RSA 2048.
 */
export function makePassCerts(passTypeId: string, teamId: string, opts: { notAfter?: Date } = {}) {
  const keyPair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      forgePriv: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
      forgePub: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    };
  };
  const root = keyPair();
  const ca = forge.pki.createCertificate();
  ca.publicKey = root.forgePub;
  ca.serialNumber = '01';
  ca.validity.notBefore = new Date('2020-01-01T00:00:00Z');
  ca.validity.notAfter = new Date('2100-01-01T00:00:00Z');
  const caName = [
    { name: 'commonName', value: 'Test Worldwide Developer Relations CA' },
    { name: 'organizationName', value: 'Kaquan tests' },
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true },
  ]);
  ca.sign(root.forgePriv, forge.md.sha256.create());

  const signer = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = signer.forgePub;
  cert.serialNumber = '02';
  cert.validity.notBefore = new Date('2020-01-01T00:00:00Z');
  cert.validity.notAfter = opts.notAfter ?? new Date('2100-01-01T00:00:00Z');
  cert.setSubject([
    { name: 'commonName', value: `Pass Type ID: ${passTypeId}` },
    { name: 'organizationalUnitName', value: teamId },
    { type: '0.9.2342.19200300.100.1.1', value: passTypeId }, // UID, as Apple's pass certificates carry it
  ]);
  cert.setIssuer(caName);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  cert.sign(root.forgePriv, forge.md.sha256.create());

  return { wwdrPem: forge.pki.certificateToPem(ca), certPem: forge.pki.certificateToPem(cert), keyPem: signer.pem };
}

/** The same certificate and key as Keychain exports them: a `.p12` (PKCS #12, 3DES, SHA-1 MAC), base64; `key: null` leaves the key out. */
export function makeP12(c: ReturnType<typeof makePassCerts>, password: string, opts: { key?: null } = {}) {
  const key = opts.key === null ? null : forge.pki.privateKeyFromPem(c.keyPem);
  const certs = [forge.pki.certificateFromPem(c.wwdrPem), forge.pki.certificateFromPem(c.certPem)];
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: '3des' });
  return forge.util.encode64(forge.asn1.toDer(asn1).getBytes());
}
