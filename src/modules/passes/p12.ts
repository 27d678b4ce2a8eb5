import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { invalid } from '../../errors.js';

/**
 * A Pass Type ID certificate exported from Keychain as a `.p12` (PKCS #12) with its password, read into
 * the same PEM certificate and key the PEM form stores. node:crypto cannot read PKCS #12, node-forge can
 * (it is what passkit-generator signs with). A Keychain export may also carry Apple's intermediates: the
 * certificate kept is the one whose public key is the key's.
 */
export function readP12(base64: string, password: string): { certificate_pem: string; private_key_pem: string } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.decode64(base64));
  } catch {
    throw invalid('certificate_p12', 'not a PKCS #12 file (.p12)', 'PASS_SETTINGS_INVALID');
  }
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    const wrongPassword = e instanceof Error && /password|MAC/i.test(e.message);
    throw wrongPassword
      ? invalid('certificate_p12_password', 'does not open the .p12 (wrong password)', 'PASS_SETTINGS_INVALID')
      : invalid('certificate_p12', 'not a PKCS #12 file (.p12)', 'PASS_SETTINGS_INVALID');
  }
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keyBag = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)].find((b) => b.key);
  if (!keyBag?.key) throw invalid('certificate_p12', 'has no private key', 'PASS_SETTINGS_INVALID');
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  } catch {
    throw invalid('certificate_p12', 'has no private key', 'PASS_SETTINGS_INVALID');
  }
  const cert = bags(forge.pki.oids.certBag)
    .filter((b) => b.cert)
    .map((b) => new X509Certificate(forge.pki.certificateToPem(b.cert!)))
    .find((c) => c.checkPrivateKey(key));
  if (!cert) throw invalid('certificate_p12', 'has no certificate for its key', 'PASS_SETTINGS_INVALID');
  return { certificate_pem: cert.toString(), private_key_pem: key.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
