using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GitBot.Cli.Commands;
using GitBot.Testing;

namespace GitBot.Cli.Tests.Setup;

/// <summary>
/// Runs <c>gitbot setup</c> in-process on a free port and plays the browser against its loopback page with an
/// <see cref="HttpClient"/> that does not follow redirects (each hop is asserted by the tests).
/// </summary>
internal sealed partial class SetupHarness : IAsyncDisposable
{
    private readonly StringWriter _output = new(CultureInfo.InvariantCulture);
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));
    private readonly Task<int> _run;

    private SetupHarness(int port, string[] args)
    {
        Root = new Uri($"http://127.0.0.1:{port}/");
        var all = new List<string> { "setup", "--port", port.ToString(CultureInfo.InvariantCulture), "--no-browser" };
        all.AddRange(args);
        var parse = GitBotCommandLine.Create().Parse(all);
        _run = Task.Run(() => parse.InvokeAsync(new InvocationConfiguration { Output = _output, Error = _output }, _stop.Token));
    }

    public Uri Root { get; }

    public HttpClient Browser { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public static SetupHarness Start(params string[] args) => new(FreePort.Next(), args);

    /// <summary>Fetches the setup page (waiting for the listener) and returns the form's action and manifest.</summary>
    public async Task<(Uri Action, string Manifest)> OpenSetupPageAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var html = await Browser.GetStringAsync(Root);
                var action = FormAction().Match(html);
                var manifest = ManifestField().Match(html);
                Assert.True(action.Success && manifest.Success, "the setup page has no manifest form: " + html);
                return (new Uri(WebUtility.HtmlDecode(action.Groups[1].Value)), WebUtility.HtmlDecode(manifest.Groups[1].Value));
            }
            catch (HttpRequestException) when (attempt < 300)
            {
                if (_run.IsCompleted)
                {
                    Assert.Fail($"gitbot setup ended ({await _run}) before serving its page: {_output}");
                }

                await Task.Delay(100);
            }
        }
    }

    /// <summary>Posts the manifest form to GitHub as a browser would and returns where GitHub redirected.</summary>
    public async Task<Uri> PostManifestAsync(Uri action, string manifest)
    {
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("manifest", manifest)]);
        using var response = await Browser.PostAsync(action, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Waits for the command to end; its exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> CompleteAsync()
    {
        var exitCode = await _run;
        return (exitCode, _output.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // The test ended before the command did; cancelling it is the point.
        }

        Browser.Dispose();
        _stop.Dispose();
        await _output.DisposeAsync();
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"manifest\" value=\"([^\"]*)\"")]
    private static partial Regex ManifestField();
}
