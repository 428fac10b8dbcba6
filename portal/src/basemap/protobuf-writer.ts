// Just enough of the protobuf wire format to write glyph ranges: varints, zigzag varints,
// strings, bytes and nested messages.

export class ProtobufWriter {
  private readonly bytes: number[] = [];

  varint(field: number, value: number): this {
    this.key(field, 0);
    this.rawVarint(value);
    return this;
  }

  /** A `sint32`: zigzag-encoded so small negative numbers stay short. */
  signed(field: number, value: number): this {
    return this.varint(field, value >= 0 ? value * 2 : -value * 2 - 1);
  }

  string(field: number, value: string): this {
    return this.bytesField(field, Buffer.from(value, "utf8"));
  }

  bytesField(field: number, value: Uint8Array): this {
    this.key(field, 2);
    this.rawVarint(value.length);
    for (const byte of value) this.bytes.push(byte);
    return this;
  }

  message(field: number, write: (writer: ProtobufWriter) => void): this {
    const inner = new ProtobufWriter();
    write(inner);
    return this.bytesField(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }

  private key(field: number, wireType: number): void {
    this.rawVarint(field * 8 + wireType);
  }

  private rawVarint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) + 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }
}
