// NTLMv2 (MS-NLMP) for HTTP: the negotiate message, the server's challenge, and the
// authenticate message with the NTLMv2 response. Only NTLMv2 is offered: the older LM and NTLMv1
// responses can be cracked from a captured handshake.
import { createHmac, randomBytes } from "node:crypto";
import { md4 } from "./md4";

const SIGNATURE = Buffer.from("NTLMSSP\0", "ascii");

const FLAGS = {
  unicode: 0x00000001,
  oem: 0x00000002,
  requestTarget: 0x00000004,
  ntlm: 0x00000200,
  alwaysSign: 0x00008000,
  extendedSessionSecurity: 0x00080000,
  targetInfo: 0x00800000,
  bits128: 0x20000000,
  bits56: 0x80000000,
} as const;

const NEGOTIATE_FLAGS =
  FLAGS.unicode |
  FLAGS.oem |
  FLAGS.requestTarget |
  FLAGS.ntlm |
  FLAGS.alwaysSign |
  FLAGS.extendedSessionSecurity |
  FLAGS.targetInfo |
  FLAGS.bits128 |
  FLAGS.bits56;

/** AV pair id of the server's timestamp in the challenge's target info. */
const AV_TIMESTAMP = 7;
const AV_EOL = 0;

/** Who signs in: `DOMAIN\user`, `user@domain` (UPN) or a bare user name. */
export interface NtlmCredentials {
  username: string;
  password: string;
}

export interface NtlmChallenge {
  flags: number;
  serverChallenge: Buffer;
  targetInfo: Buffer;
  targetName: string;
}

/** The first message: what the client supports. */
export function negotiateMessage(): Buffer {
  const message = Buffer.alloc(32);
  SIGNATURE.copy(message, 0);
  message.writeUInt32LE(1, 8);
  message.writeUInt32LE(NEGOTIATE_FLAGS >>> 0, 12);
  // Domain and workstation fields stay empty (zero length, offset 32).
  message.writeUInt32LE(32, 20);
  message.writeUInt32LE(32, 28);
  return message;
}

/** Reads the server's challenge message; throws on anything that is not one. */
export function parseChallenge(message: Buffer): NtlmChallenge {
  if (message.length < 32 || !message.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error("NTLM: the server's challenge is not an NTLMSSP message");
  }
  if (message.readUInt32LE(8) !== 2) throw new Error("NTLM: expected a challenge message");
  const flags = message.readUInt32LE(20);
  const targetName = readField(message, 12);
  const targetInfo = message.length >= 48 ? readField(message, 40) : Buffer.alloc(0);
  return {
    flags,
    serverChallenge: Buffer.from(message.subarray(24, 32)),
    targetInfo,
    targetName: flags & FLAGS.unicode ? targetName.toString("utf16le") : targetName.toString(),
  };
}

/** Inputs that are random or the clock in real use, fixed only to check against known answers. */
export interface NtlmRandomness {
  clientChallenge?: Buffer;
  /** FILETIME: 100-nanosecond intervals since 1601. */
  timestamp?: Buffer;
  workstation?: string;
}

/** The third message, answering `challenge` for `credentials` with NTLMv2. */
export function authenticateMessage(
  challenge: NtlmChallenge,
  credentials: NtlmCredentials,
  randomness: NtlmRandomness = {},
): Buffer {
  const { user, domain } = splitUsername(credentials.username);
  const clientChallenge = randomness.clientChallenge ?? randomBytes(8);
  const timestamp = randomness.timestamp ?? serverTimestamp(challenge.targetInfo) ?? fileTimeNow();
  const responseKey = ntowfv2(credentials.password, user, domain);
  const ntResponse = ntlmv2Response(
    responseKey,
    challenge.serverChallenge,
    clientChallenge,
    timestamp,
    challenge.targetInfo,
  );
  const lmResponse = Buffer.concat([
    hmacMd5(responseKey, Buffer.concat([challenge.serverChallenge, clientChallenge])),
    clientChallenge,
  ]);
  const fields = [
    lmResponse,
    ntResponse,
    unicode(domain),
    unicode(user),
    unicode(randomness.workstation ?? ""),
    Buffer.alloc(0),
  ];
  const headerLength = 64;
  const header = Buffer.alloc(headerLength);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(3, 8);
  let offset = headerLength;
  fields.forEach((field, index) => {
    const position = 12 + index * 8;
    header.writeUInt16LE(field.length, position);
    header.writeUInt16LE(field.length, position + 2);
    header.writeUInt32LE(offset, position + 4);
    offset += field.length;
  });
  const flags = (challenge.flags & NEGOTIATE_FLAGS) | FLAGS.unicode | FLAGS.ntlm;
  header.writeUInt32LE(flags >>> 0, 60);
  return Buffer.concat([header, ...fields]);
}

/** NTOWFv2: the NTLMv2 response key, from the password's MD4 hash, the user and the domain. */
export function ntowfv2(password: string, user: string, domain: string): Buffer {
  const ntHash = md4(unicode(password));
  return hmacMd5(ntHash, unicode(user.toUpperCase() + domain));
}

/** NTProofStr followed by the client blob it proves. */
export function ntlmv2Response(
  responseKey: Buffer,
  serverChallenge: Buffer,
  clientChallenge: Buffer,
  timestamp: Buffer,
  targetInfo: Buffer,
): Buffer {
  const blob = Buffer.concat([
    Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]),
    timestamp,
    clientChallenge,
    Buffer.alloc(4),
    targetInfo,
    Buffer.alloc(4),
  ]);
  const proof = hmacMd5(responseKey, Buffer.concat([serverChallenge, blob]));
  return Buffer.concat([proof, blob]);
}

/** `DOMAIN\user` and `user@domain.example` (sent whole, with no domain) as NTLM expects them. */
export function splitUsername(username: string): { user: string; domain: string } {
  const slash = username.indexOf("\\");
  if (slash >= 0) return { domain: username.slice(0, slash), user: username.slice(slash + 1) };
  return { domain: "", user: username };
}

function serverTimestamp(targetInfo: Buffer): Buffer | undefined {
  for (let offset = 0; offset + 4 <= targetInfo.length;) {
    const id = targetInfo.readUInt16LE(offset);
    const length = targetInfo.readUInt16LE(offset + 2);
    if (id === AV_EOL) return undefined;
    if (id === AV_TIMESTAMP && length === 8) {
      return Buffer.from(targetInfo.subarray(offset + 4, offset + 12));
    }
    offset += 4 + length;
  }
  return undefined;
}

function fileTimeNow(): Buffer {
  const intervals = (BigInt(Date.now()) + 11_644_473_600_000n) * 10_000n;
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(intervals);
  return buffer;
}

function readField(message: Buffer, position: number): Buffer {
  const length = message.readUInt16LE(position);
  const offset = message.readUInt32LE(position + 4);
  if (offset + length > message.length) throw new Error("NTLM: a challenge field is out of range");
  return Buffer.from(message.subarray(offset, offset + length));
}

function unicode(text: string): Buffer {
  return Buffer.from(text, "utf16le");
}

function hmacMd5(key: Buffer, data: Buffer): Buffer {
  return createHmac("md5", key).update(data).digest();
}
