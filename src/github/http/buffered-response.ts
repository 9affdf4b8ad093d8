/**
 * A complete HTTP response held in memory, with the part of the Fetch `Response` interface that
 * Octokit's request layer reads: status, statusText, url, headers, text/json/arrayBuffer, and `body`
 * (a stream made on demand, for `parseSuccessResponseBody: false`). Building it costs a buffer and a
 * `Headers`, where undici's `Response` also builds the web-stream machinery for every response.
 */
export class BufferedResponse {
  readonly ok: boolean;
  private used = false;
  private stream: ReadableStream<Uint8Array> | undefined;

  constructor(
    private readonly bytes: Buffer,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  /** The body as a web stream; made once, and then the body counts as read. */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.status === 204 || this.status === 205 || this.status === 304) return null;
    if (this.stream !== undefined) return this.stream;
    const chunk = new Uint8Array(this.take());
    this.stream = new ReadableStream<Uint8Array>({
      start(controller) {
        if (chunk.byteLength > 0) controller.enqueue(chunk);
        controller.close();
      },
    });
    return this.stream;
  }

  async text(): Promise<string> {
    return this.take().toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  private take(): Buffer {
    if (this.used) throw new TypeError("Body has already been read");
    this.used = true;
    return this.bytes;
  }
}
