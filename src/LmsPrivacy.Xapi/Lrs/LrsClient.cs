using System.Net.Http.Headers;
using System.Text;

namespace LmsPrivacy.Xapi.Lrs;

/// <summary>The HTTP side of talking to an LRS, behind an interface so tests and hosts can replace it.</summary>
public interface ILrsClient
{
    /// <summary>Sends a GET request.</summary>
    /// <param name="uri">The absolute URI.</param>
    /// <param name="headers">Headers to send (the <c>X-Experience-API-Version</c> header among them).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; non-success statuses are returned, not thrown.</returns>
    Task<LrsResponse> GetAsync(Uri uri, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken = default);
}

/// <summary>An LRS response.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="ConsistentThrough">The <c>X-Experience-API-Consistent-Through</c> header, when sent.</param>
public sealed record LrsResponse(int StatusCode, ReadOnlyMemory<byte> Body, string? ConsistentThrough = null)
{
    /// <summary>Gets a value indicating whether the status is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

/// <summary>HTTP Basic credentials for an LRS. <see cref="ToString"/> never shows the secret.</summary>
/// <param name="Username">The key or user name.</param>
/// <param name="Password">The secret.</param>
public sealed record LrsCredentials(string Username, string Password)
{
    /// <summary>Returns the user name only.</summary>
    /// <returns>A description without the secret.</returns>
    public override string ToString() => $"LrsCredentials({Username}, ***)";
}

/// <summary>An LRS answered with an error, an unusable body, or a paging link that cannot be followed.</summary>
public sealed class LrsException : Exception
{
    /// <summary>Initializes an exception.</summary>
    public LrsException()
        : this("The LRS request failed.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public LrsException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LrsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes an exception for an HTTP status.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="message">The message.</param>
    public LrsException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>Gets the HTTP status, when the LRS answered.</summary>
    public int? StatusCode { get; }
}

/// <summary>An <see cref="ILrsClient"/> over <see cref="HttpClient"/>, with Basic authentication and a response size limit.</summary>
public sealed class HttpLrsClient : ILrsClient
{
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly long _maxResponseBytes;

    /// <summary>Initializes the client.</summary>
    /// <param name="http">The HTTP client (its timeout applies to each request).</param>
    /// <param name="credentials">Basic credentials, or <see langword="null"/> for none.</param>
    /// <param name="maxResponseBytes">The largest response body read (default 64 MiB); a larger one is an <see cref="LrsException"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="http"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResponseBytes"/> is not positive.</exception>
    public HttpLrsClient(HttpClient http, LrsCredentials? credentials = null, long maxResponseBytes = 64L * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResponseBytes);
        _http = http;
        _maxResponseBytes = maxResponseBytes;
        if (credentials is not null)
        {
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        }
    }

    /// <inheritdoc/>
    public async Task<LrsResponse> GetAsync(Uri uri, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > _maxResponseBytes)
        {
            throw new LrsException((int)response.StatusCode, "The LRS response is larger than the configured limit.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxResponseBytes)
                {
                    throw new LrsException((int)response.StatusCode, "The LRS response is larger than the configured limit.");
                }

                buffer.Write(chunk, 0, read);
            }

            var consistent = response.Headers.TryGetValues("X-Experience-API-Consistent-Through", out var values) ? values.FirstOrDefault() : null;
            return new LrsResponse((int)response.StatusCode, buffer.ToArray(), consistent);
        }
    }
}
