// Exit 0 when GET URL answers 2xx within the timeout, 1 otherwise (Docker HEALTHCHECK's contract).
// Usage: dotnet HealthProbe.dll [URL]   (default http://localhost:8080/healthz)
var url = args.Length > 0 ? args[0] : "http://localhost:8080/healthz";
using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
try
{
    using var response = await client.GetAsync(url);
    if (response.IsSuccessStatusCode)
    {
        return 0;
    }
    // Docker keeps the probe's output in `docker inspect`: say what was wrong.
    Console.Error.WriteLine($"{url} answered {(int)response.StatusCode}");
    return 1;
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
{
    Console.Error.WriteLine($"{url}: {e.Message}");
    return 1;
}
