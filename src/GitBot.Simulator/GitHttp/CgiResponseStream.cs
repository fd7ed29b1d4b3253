using System.Globalization;
using System.Net;
using System.Text;

namespace GitBot.Simulator.GitHttp;

/// <summary>
/// The stdout of a CGI program (<c>git http-backend</c>) turned into an HTTP response: the header block (up to the first
/// blank line; <c>Status:</c> sets the status code) is parsed, then every following byte is streamed to the client
/// chunked, as it arrives, so a large pack is never held in memory.
/// </summary>
internal sealed class CgiResponseStream(HttpListenerResponse response) : Stream
{
    private const int MaxHeaderBytes = 64 * 1024;

    private MemoryStream? _head = new();

    /// <summary>The status the CGI program answered (200 when it gave no <c>Status:</c> header).</summary>
    public int Status { get; private set; } = 200;

    /// <summary>Whether the header block has been parsed and the response started.</summary>
    public bool Started => _head is null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_head is null)
        {
            await response.OutputStream.WriteAsync(buffer, cancellationToken);
            return;
        }

        _head.Write(buffer.Span);
        var bytes = _head.GetBuffer().AsMemory(0, (int)_head.Length);
        var (headerEnd, bodyStart) = FindBlankLine(bytes.Span);
        if (headerEnd < 0)
        {
            if (_head.Length > MaxHeaderBytes)
            {
                throw new InvalidDataException("the CGI program wrote no header block");
            }

            return;
        }

        Start(Encoding.ASCII.GetString(bytes.Span[..headerEnd]));
        var body = bytes[bodyStart..].ToArray();
        _head = null;
        if (body.Length > 0)
        {
            await response.OutputStream.WriteAsync(body, cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _head is null ? response.OutputStream.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush()
    {
        if (_head is null)
        {
            response.OutputStream.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static (int HeaderEnd, int BodyStart) FindBlankLine(ReadOnlySpan<byte> bytes)
    {
        var crlf = bytes.IndexOf("\r\n\r\n"u8);
        var lf = bytes.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            return (crlf, crlf + 4);
        }

        return lf >= 0 ? (lf, lf + 2) : (-1, -1);
    }

    private void Start(string headerBlock)
    {
        foreach (var line in headerBlock.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                Status = int.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
                response.StatusCode = Status;
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                     && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                // The body is always sent chunked, so the program's own framing headers are dropped.
                response.Headers[name] = value;
            }
        }

        response.SendChunked = true;
    }
}
