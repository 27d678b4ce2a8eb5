/**
 * A self-signed certificate for hooks.example.com (P-256, valid 2000–2126, so any clock
 * will do), only for tests that need a TLS receiver on 127.0.0.1 answering for a name. Made with
 * `openssl ca -selfsign -startdate 20000101000000Z -enddate 21260101000000Z` and SAN DNS:hooks.example.com.
 */
export const TEST_TLS_NAME = 'hooks.example.com';

export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTi8frAK1/dXGQYwK
PKOEb0Qzo0DV50F8fzK2gcyx4ImhRANCAATtSyiszDUtpJXirVb2CHKuJvG8DXsm
mwpFP4Pv0N410vTLF/Zom8gEGbSGZVm+wEDhfkJjdREvSSEtHWINTkMZ
-----END PRIVATE KEY-----
`;

export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBezCCASCgAwIBAgICEAAwCgYIKoZIzj0EAwIwHDEaMBgGA1UEAwwRaG9va3Mu
ZXhhbXBsZS5jb20wIBcNMDAwMTAxMDAwMDAwWhgPMjEyNjAxMDEwMDAwMDBaMBwx
GjAYBgNVBAMMEWhvb2tzLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAE7UsorMw1LaSV4q1W9ghyribxvA17JpsKRT+D79DeNdL0yxf2aJvIBBm0
hmVZvsBA4X5CY3URL0khLR1iDU5DGaNQME4wDwYDVR0TAQH/BAUwAwEB/zAcBgNV
HREEFTATghFob29rcy5leGFtcGxlLmNvbTAdBgNVHQ4EFgQUPpibkC/vrtdqehYx
Z0ESV9SyQbcwCgYIKoZIzj0EAwIDSQAwRgIhAN4oolF/8NZAgNfI3TTMWtOPv2je
PdzXMdkPmm9VxCTAAiEAhVreDgvlb0031lC1QplYq+HJ8Cu2hgHRzEOF2gA0m1c=
-----END CERTIFICATE-----
`;
