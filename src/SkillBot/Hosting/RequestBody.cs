namespace SkillBot.Hosting;

/// <summary>
/// A request body read whole, up to a limit, for endpoints that must see the exact bytes (signatures) or
/// parse them once. What a client can get wrong comes back as the status to answer, never an exception.
/// </summary>
public static class RequestBody
{
    /// <summary>
    /// The body, or null with the status to answer instead: 413 when it is or grows past <paramref name="max"/>
    /// bytes (a chunked body has no Content-Length), 400 when it ends before its Content-Length, and
    /// Kestrel's own status when one of its limits (size, data rate) stops the read.
    /// </summary>
    public static async Task<(byte[]? Body, int Status)> ReadAtMostAsync(HttpRequest request, long max, CancellationToken cancel)
    {
        if (request.ContentLength > max)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }
        try
        {
            var body = await Read(request, max, cancel);
            return body is null ? (null, StatusCodes.Status413PayloadTooLarge) : (body, StatusCodes.Status200OK);
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode);
        }
        catch (EndOfStreamException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<byte[]?> Read(HttpRequest request, long max, CancellationToken cancel)
    {
        // Clients nearly always send Content-Length: read straight into an array of that size (no copy, no
        // chunk buffer: the load run showed that among the largest allocations per request).
        if (request.ContentLength is { } length)
        {
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancel);
            return exact;
        }
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
