using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LmsPrivacy.Cli.Tests.Check;

public sealed partial class HtmlReportTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static string SampleFolder => Path.Combine(CheckFixtures.RepoRoot(), "samples", "check");

    private static async Task<string> RenderSampleAsync()
    {
        var result = await CliRunner.RunAsync("check", SampleFolder, "--format", "html", "--now", "2026-11-24T09:00:00Z");
        Assert.Equal(1, result.ExitCode);
        return result.Output;
    }

    [Fact]
    public async Task Html_SelfContained_NoExternalReference()
    {
        var html = await RenderSampleAsync();

        // No element that fetches anything: no scripts, stylesheets, images, frames, media or objects at all.
        Assert.Empty(FetchingElement().Matches(html));
        // No src attribute, and no remote URL in CSS.
        Assert.DoesNotMatch("\\ssrc\\s*=", html);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("url\\(", html);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
        // Every link is relative or a fragment: no scheme, no protocol-relative URL.
        foreach (Match href in Href().Matches(html))
        {
            var value = href.Groups[1].Value;
            Assert.False(value.StartsWith("//", StringComparison.Ordinal) || SchemePrefix().IsMatch(value), $"href '{value}' is not relative");
        }

        // A policy that forbids fetching even if the file is edited, and a phone viewport.
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_SummaryFirst_TablePerAreaWithRuleLinks()
    {
        var html = await RenderSampleAsync();

        var summary = html.IndexOf("aria-label=\"Summary\"", StringComparison.Ordinal);
        var firstArea = html.IndexOf("<h2 id=\"area-", StringComparison.Ordinal);
        Assert.True(summary > 0 && summary < firstArea);
        foreach (var area in (string[])["xapi", "scorm", "lti", "ropa", "dpa", "retention", "review"])
        {
            Assert.Contains($"<h2 id=\"area-{area}\">", html, StringComparison.Ordinal);
        }

        Assert.Matches("href=\"[^\"]*docs/check\\.md#check\\.processor\\.undeclared\"", html);
    }

    [Fact]
    public async Task Html_ChromiumRenders_AndRequestsNothingFromTheNetwork()
    {
        Assert.SkipWhen(!File.Exists(Chromium), $"{Chromium} is not installed (Debian: apt-get install -y chromium); the network test needs a real browser.");
        using var folder = new TempFolder();
        var report = folder.Write("report/check-report.html", await RenderSampleAsync());

        // Positive control: the same browser, flags and log show a page that does fetch things.
        var probe = folder.Write("probe.html", "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"https://probe-css.example/a.css\"></head><body><img src=\"https://probe-img.example/x.png\"></body></html>");
        var probeRequests = await RenderAsync(probe, folder);
        Assert.Contains("https://probe-css.example/a.css", probeRequests);
        Assert.Contains("https://probe-img.example/x.png", probeRequests);

        var requests = await RenderAsync(report, folder);

        Assert.DoesNotContain(requests, url => !url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal));
        Assert.True(new FileInfo(report + ".png").Length > 10_000, "the screenshot is empty");
    }

    /// <summary>Renders a page to PNG with headless Chromium and returns the URLs the page itself requested (from the net-log).</summary>
    private static async Task<List<string>> RenderAsync(string page, TempFolder folder)
    {
        var netLog = page + ".netlog.json";
        var profile = Directory.CreateDirectory(Path.Combine(folder.Path, "profile-" + Path.GetFileName(page))).FullName;
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}",
            $"--log-net-log={netLog}", "--window-size=1280,2000", $"--screenshot={page}.png", "file://" + page])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var drainOut = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var drainErr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await drainOut;
        await drainErr;
        Assert.True(File.Exists(netLog), "Chromium wrote no net-log");

        // URL requests started on behalf of the page carry its (file://) origin; Chromium's own background traffic
        // (component updates, time queries) is marked "not an origin" and is not the page's doing.
        using var log = JsonDocument.Parse(File.ReadAllBytes(netLog));
        var types = log.RootElement.GetProperty("constants").GetProperty("logEventTypes");
        var startJob = types.GetProperty("URL_REQUEST_START_JOB").GetInt32();
        var urls = new List<string>();
        foreach (var entry in log.RootElement.GetProperty("events").EnumerateArray())
        {
            if (entry.GetProperty("type").GetInt32() != startJob || !entry.TryGetProperty("params", out var parameters)
                || !parameters.TryGetProperty("url", out var url))
            {
                continue;
            }

            var initiator = parameters.TryGetProperty("initiator", out var i) ? i.GetString() : null;
            if (initiator != "not an origin")
            {
                urls.Add(url.GetString()!);
            }
        }

        return urls;
    }

    [GeneratedRegex("<(script|link|img|iframe|frame|object|embed|video|audio|source|picture|svg|base)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex FetchingElement();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();
}
