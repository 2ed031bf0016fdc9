using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using LmsPrivacy.Findings;
using LmsPrivacy.Lti.Claims;
using LmsPrivacy.Lti.Jwt;
using LmsPrivacy.Lti.Migration;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.Lti.Validation;

/// <summary>
/// Validates the claims (and, when given, the JOSE header) of a decoded LTI 1.3 launch against LTI Core 1.3 and the
/// 1EdTech Security Framework, collecting every finding in one pass. It does not verify the signature: the host's
/// JWT library does that first (see docs/lti.md).
/// </summary>
/// <remarks>
/// Thread-safe. The nonce of a launch is recorded in the <see cref="ILtiNonceStore"/> whenever it is present, so a
/// second validation of the same token reports <c>lti.nonce.replayed</c>.
/// </remarks>
public sealed class LtiLaunchValidator
{
    private const int MaxIdentifierLength = 255;
    private const string HeaderRoot = "header:$";
    private const string HeaderKid = "header:$.kid";
    private const string HeaderAlg = "header:$.alg";
    private const long MinUnixSeconds = -62_135_596_800L;
    private const long MaxUnixSeconds = 253_402_300_799L;

    // After the scheme an issuer has no query, fragment, user info, white space or control character (Security Framework §5.1.2).
    private static readonly System.Buffers.SearchValues<char> NotInIssuer = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => c is '?' or '#' or '@' || char.IsWhiteSpace(c) || char.IsControl(c))]);

    private readonly ILtiRegistrationStore _registrations;
    private readonly ILtiNonceStore _nonces;
    private readonly IClock _clock;
    private readonly LtiOptions _options;
    private readonly FrozenSet<string> _messageTypes;
    private readonly FrozenSet<string> _trustedAudiences;
    private readonly Utf8NameLookup<bool> _algorithmsByUtf8;
    private readonly PlatformStrings _platformStrings = new();

    /// <summary>Initializes a validator.</summary>
    /// <param name="registrations">The platform registrations the tool trusts.</param>
    /// <param name="nonces">The nonce store that detects replays.</param>
    /// <param name="clock">The clock <c>exp</c> and <c>iat</c> are checked against.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public LtiLaunchValidator(ILtiRegistrationStore registrations, ILtiNonceStore nonces, IClock clock, LtiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new LtiOptions();
        var result = new LtiOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(LtiOptions), typeof(LtiOptions), result.Failures);
        }

        _registrations = registrations;
        _nonces = nonces;
        _clock = clock;
        _options = options;
        _messageTypes = options.AcceptedMessageTypes.ToFrozenSet(StringComparer.Ordinal);
        _trustedAudiences = options.TrustedAudiences.ToFrozenSet(StringComparer.Ordinal);
        _algorithmsByUtf8 = new Utf8NameLookup<bool>(options.AllowedAlgorithms.Distinct(StringComparer.Ordinal).Select(a => new KeyValuePair<string, bool>(a, true)));
    }

    /// <summary>Initializes a validator from options (the constructor used by dependency injection).</summary>
    /// <param name="registrations">The platform registrations the tool trusts.</param>
    /// <param name="nonces">The nonce store that detects replays.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The options.</param>
    public LtiLaunchValidator(ILtiRegistrationStore registrations, ILtiNonceStore nonces, IClock clock, IOptions<LtiOptions> options)
        : this(registrations, nonces, clock, (options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Validates a decoded launch payload and, when given, its JOSE header.</summary>
    /// <param name="payload">The JSON object of claims.</param>
    /// <param name="header">The JOSE header, or <see langword="null"/> to skip the kid and alg checks (reported as <c>lti.header.not_checked</c>).</param>
    /// <param name="cancellationToken">Cancels the store lookups.</param>
    /// <returns>The findings, the anonymous flag and the normalized message type.</returns>
    public ValueTask<LtiLaunchValidationResult> ValidateAsync(JsonElement payload, JsonElement? header = null, CancellationToken cancellationToken = default)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return ValueTask.FromResult(NotObject());
        }

        try
        {
            var validation = ValidateAsync(payload, header, LaunchClaims.Read(payload), cancellationToken);
            return validation.IsCompletedSuccessfully ? validation : GuardAsync(validation, payload, header);
        }
        catch (InvalidOperationException) when (Unreadable(payload, header) is not null)
        {
            return ValueTask.FromResult(Malformed(Unreadable(payload, header)!));
        }
    }

    /// <summary>
    /// Validates a decoded launch and classifies its claims in one walk of the payload: the same results as
    /// <see cref="ValidateAsync(JsonElement, JsonElement?, CancellationToken)"/> followed by
    /// <see cref="LtiClaimClassifier.Classify(JsonElement)"/>, at the cost of one enumeration and one name lookup per claim.
    /// </summary>
    /// <param name="payload">The JSON object of claims.</param>
    /// <param name="header">The JOSE header, or <see langword="null"/> to skip the kid and alg checks (reported as <c>lti.header.not_checked</c>).</param>
    /// <param name="classifier">The classifier whose catalog applies (its additional claims); <see langword="null"/> for <see cref="LtiClaimClassifier.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the store lookups.</param>
    /// <returns>The validation result and the classification.</returns>
    public ValueTask<LtiLaunchInspection> InspectAsync(JsonElement payload, JsonElement? header = null, LtiClaimClassifier? classifier = null, CancellationToken cancellationToken = default)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return ValueTask.FromResult(new LtiLaunchInspection(NotObject(), ClassificationBuilder.NotObject()));
        }

        try
        {
            var builder = ClassificationBuilder.Rent((classifier ?? LtiClaimClassifier.Default).Additional);
            var claims = LaunchClaims.Read(payload, builder);
            var classification = builder.Finish();
            var validation = ValidateAsync(payload, header, claims, cancellationToken);
            return validation.IsCompletedSuccessfully
                ? ValueTask.FromResult(new LtiLaunchInspection(validation.Result, classification))
                : AwaitInspection(GuardAsync(validation, payload, header), classification);
        }
        catch (InvalidOperationException) when (Unreadable(payload, header) is not null)
        {
            var finding = Unreadable(payload, header)!;
            return ValueTask.FromResult(new LtiLaunchInspection(Malformed(finding), new LtiClaimClassification([], new ValidationReport([finding]))));
        }
    }

    private static async ValueTask<LtiLaunchInspection> AwaitInspection(ValueTask<LtiLaunchValidationResult> validation, LtiClaimClassification classification) =>
        new(await validation.ConfigureAwait(false), classification);

    // A validation that awaited a store: an unreadable string met after the await is reported the same way.
    private static async ValueTask<LtiLaunchValidationResult> GuardAsync(ValueTask<LtiLaunchValidationResult> validation, JsonElement payload, JsonElement? header)
    {
        try
        {
            return await validation.ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (Unreadable(payload, header) is not null)
        {
            return Malformed(Unreadable(payload, header)!);
        }
    }

    // System.Text.Json accepts "\ud800" but throws when it is read as text. Checked only once a read has thrown, so
    // well-formed launches never pay for the scan.
    private static Finding? Unreadable(JsonElement payload, JsonElement? header)
    {
        if (JsonText.HasLoneSurrogateEscape(JsonMarshal.GetRawUtf8Value(payload)))
        {
            return LtiRules.PayloadMalformed.At(JsonPaths.Root, "The payload " + JsonText.LoneSurrogateMessage);
        }

        return header is { } h && JsonText.HasLoneSurrogateEscape(JsonMarshal.GetRawUtf8Value(h))
            ? LtiRules.HeaderMalformed.At(HeaderRoot, "The header " + JsonText.LoneSurrogateMessage)
            : null;
    }

    private static LtiLaunchValidationResult NotObject() =>
        new(new ValidationReport([LtiRules.PayloadNotObject.At(JsonPaths.Root, "The payload is not a JSON object of claims.")]), false, null, null);

    private async ValueTask<LtiLaunchValidationResult> ValidateAsync(JsonElement payload, JsonElement? header, LaunchClaims claims, CancellationToken cancellationToken)
    {
        var findings = claims.Findings;
        if (claims.Duplicates is { } duplicates)
        {
            foreach (var duplicate in duplicates)
            {
                findings.Add(LtiRules.ClaimDuplicate.At(JsonPaths.Claim(duplicate), "This claim appears more than once; the token is ambiguous and must be rejected."));
            }
        }

        // Resolve the registration first: the header and deployment checks depend on it.
        var issuer = claims.TryGet(LaunchClaims.Iss, out var issElement) && JsonText.Shape(issElement, out var issRaw) is var issShape && issShape != StringShape.NotString
            ? _platformStrings.Get(issElement, issShape, issRaw) : null;
        var audiences = ReadAudiences(claims, out var audPresent, out var audValid);
        var azp = claims.TryGet(LaunchClaims.Azp, out var azpElement) ? azpElement : (JsonElement?)null;
        var party = azp is not null && JsonText.Shape(azpElement, out var azpRaw) is var azpShape && azpShape != StringShape.NotString
            ? _platformStrings.Get(azpElement, azpShape, azpRaw) : null;
        IReadOnlyList<LtiRegistration> candidates = [];
        if (!string.IsNullOrEmpty(issuer))
        {
            var found = _registrations.FindByIssuerAsync(issuer, cancellationToken);
            candidates = found.IsCompletedSuccessfully ? found.Result : await found.ConfigureAwait(false);
        }

        var registration = Match(candidates, audiences, party);

        CheckHeader(header, registration, findings);
        CheckIssuer(issElement, issuer, candidates, findings);
        CheckAudience(audPresent, audValid, audiences, candidates, registration, findings);
        CheckAuthorizedParty(azp, party, audiences, registration, findings);
        var now = _clock.GetCurrentInstant();
        var exp = ReadTime(claims, LaunchClaims.Exp, LtiClaimNames.Expires, Paths.Expires, LtiRules.ExpMissing, LtiRules.ExpInvalid, findings);
        var iat = ReadTime(claims, LaunchClaims.Iat, LtiClaimNames.IssuedAt, Paths.IssuedAt, LtiRules.IatMissing, LtiRules.IatInvalid, findings);
        CheckTimes(exp, iat, now, findings);
        if (ReadNonce(claims, exp, iat, now, findings, out var nonceUntil) is { } nonce)
        {
            // The in-memory store answers synchronously: no await (and no state machine step) then.
            var use = _nonces.TryUseAsync(nonce, nonceUntil, cancellationToken);
            if (!(use.IsCompletedSuccessfully ? use.Result : await use.ConfigureAwait(false)))
            {
                findings.Add(LtiRules.NonceReplayed.At(Paths.Nonce, "This nonce was already used: the launch is a replay."));
            }
        }

        var anonymous = CheckSubject(claims, findings);
        CheckVersion(claims, findings);
        var messageType = CheckMessageType(claims, findings);
        CheckDeployment(claims, registration, findings);
        var mentor = CheckRoles(claims, findings);
        CheckRoleScopeMentor(claims, mentor, findings);
        CheckContext(claims, findings);
        CheckToolPlatform(claims, findings);
        CheckCustom(claims, findings);
        CheckMessageClaims(claims, messageType, findings);
        CheckMigration(payload, registration, findings);
        var report = findings.Count == 0 ? ValidationReport.Empty : new ValidationReport(findings);
        claims.Return();
        return new LtiLaunchValidationResult(report, anonymous, messageType, registration);
    }

    /// <summary>Validates a launch given as UTF-8 JSON, with an optional UTF-8 JSON header.</summary>
    /// <param name="payloadJson">The payload JSON.</param>
    /// <param name="headerJson">The header JSON, or empty to skip the header checks.</param>
    /// <param name="cancellationToken">Cancels the store lookups.</param>
    /// <returns>The result; malformed or oversized JSON is a <c>lti.payload.malformed</c> or <c>lti.header.malformed</c> finding.</returns>
    public async ValueTask<LtiLaunchValidationResult> ValidateJsonAsync(ReadOnlyMemory<byte> payloadJson, ReadOnlyMemory<byte> headerJson = default, CancellationToken cancellationToken = default)
    {
        using var payload = TryParse(payloadJson, _options.MaxPayloadBytes);
        if (payload is null)
        {
            return Malformed(LtiRules.PayloadMalformed.At(JsonPaths.Root, $"The payload is not well-formed JSON, is larger than {_options.MaxPayloadBytes} bytes, nests too deep or escapes half a surrogate pair."));
        }

        if (headerJson.IsEmpty)
        {
            return await ValidateAsync(payload.RootElement, null, cancellationToken).ConfigureAwait(false);
        }

        using var header = TryParse(headerJson, _options.MaxPayloadBytes);
        if (header is null)
        {
            return Malformed(LtiRules.HeaderMalformed.At(HeaderRoot, "The header is not well-formed JSON or escapes half a surrogate pair."));
        }

        return await ValidateAsync(payload.RootElement, header.RootElement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decodes a compact JWT (without verifying its signature) and validates its header and payload.</summary>
    /// <param name="token">The compact JWT.</param>
    /// <param name="cancellationToken">Cancels the store lookups.</param>
    /// <returns>The result; a malformed token is one <c>lti.jwt.malformed</c> finding.</returns>
    public async ValueTask<LtiLaunchValidationResult> ValidateTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > _options.MaxPayloadBytes)
        {
            return Malformed(LtiRules.JwtMalformed.At(JsonPaths.Root, "The token is larger than the configured maximum."));
        }

        if (!LtiJwt.TryDecode(token, out var jwt, out var error))
        {
            return Malformed(LtiRules.JwtMalformed.At(JsonPaths.Root, error));
        }

        return await ValidateAsync(jwt.Payload, jwt.Header, cancellationToken).ConfigureAwait(false);
    }

    private static LtiLaunchValidationResult Malformed(Finding finding) => new(new ValidationReport([finding]), false, null, null);

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> json, int maxBytes)
    {
        if (json.Length > maxBytes)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            if (JsonText.HasLoneSurrogateEscape(json.Span))
            {
                document.Dispose();
                return null;
            }

            return document;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string[] ReadAudiences(LaunchClaims claims, out bool present, out bool valid)
    {
        present = claims.TryGet(LaunchClaims.Aud, out var aud);
        valid = false;
        if (!present)
        {
            return [];
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            var audience = _platformStrings.GetAsArray(aud);
            valid = audience[0].Length > 0;
            return audience;
        }

        if (aud.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var audiences = new string[aud.GetArrayLength()];
        var count = 0;
        valid = audiences.Length > 0;
        foreach (var item in aud.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                var audience = _platformStrings.Get(item);
                valid &= audience.Length > 0;
                audiences[count++] = audience;
            }
            else
            {
                valid = false;
            }
        }

        return count == audiences.Length ? audiences : audiences[..count];
    }

    private static LtiRegistration? Match(IReadOnlyList<LtiRegistration> candidates, string[] audiences, string? party)
    {
        if (party is not null && Array.IndexOf(audiences, party) >= 0)
        {
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate.ClientId, party, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        foreach (var audience in audiences)
        {
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate.ClientId, audience, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private void CheckHeader(JsonElement? header, LtiRegistration? registration, List<Finding> findings)
    {
        if (header is not { } h)
        {
            findings.Add(LtiRules.HeaderNotChecked.At(HeaderRoot, "No JOSE header was given; kid and alg were not checked."));
            return;
        }

        if (h.ValueKind != JsonValueKind.Object)
        {
            findings.Add(LtiRules.HeaderMalformed.At(HeaderRoot, "The JOSE header is not a JSON object."));
            return;
        }

        if (!h.TryGetProperty("kid"u8, out var kid) || JsonText.Shape(kid, out _) < StringShape.Plain)
        {
            findings.Add(LtiRules.HeaderKidMissing.At(HeaderKid, "The header has no kid; the signing key cannot be selected from the platform's key set."));
        }
        else if (registration is { KeyIds.Count: > 0 } && !registration.KeyIds.Contains(kid.GetString()!, StringComparer.Ordinal))
        {
            findings.Add(LtiRules.HeaderKidUnknown.At(HeaderKid, "The kid is not one of the registration's known key ids."));
        }

        if (!h.TryGetProperty("alg"u8, out var alg) || JsonText.Shape(alg, out var algRaw) < StringShape.Plain)
        {
            findings.Add(LtiRules.HeaderAlgMissing.At(HeaderAlg, "The header has no alg."));
        }
        else if (IsNone(alg, algRaw))
        {
            findings.Add(LtiRules.HeaderAlgNone.At(HeaderAlg, "The token is unsecured (alg none) and must be rejected."));
        }
        else if (!IsApproved(alg, algRaw))
        {
            findings.Add(LtiRules.HeaderAlgNotApproved.At(HeaderAlg, $"The alg is not one of: {string.Join(", ", _options.AllowedAlgorithms)}."));
        }
    }

    // "none" in any case (RFC 7518 §3.6 names it; a platform must never send it).
    private static bool IsNone(JsonElement alg, ReadOnlySpan<byte> raw)
    {
        return raw.IsEmpty
            ? string.Equals(alg.GetString(), "none", StringComparison.OrdinalIgnoreCase)
            : System.Text.Ascii.EqualsIgnoreCase(raw, "none"u8);
    }

    private bool IsApproved(JsonElement alg, ReadOnlySpan<byte> raw)
    {
        return raw.IsEmpty ? _algorithmsByUtf8.ContainsKey(alg.GetString()!) : _algorithmsByUtf8.TryGetValue(raw, out _);
    }

    private static void CheckIssuer(JsonElement issElement, string? issuer, IReadOnlyList<LtiRegistration> candidates, List<Finding> findings)
    {
        var path = Paths.Issuer;
        if (string.IsNullOrEmpty(issuer))
        {
            findings.Add(LtiRules.IssMissing.At(path, issElement.ValueKind == JsonValueKind.Undefined
                ? "The iss claim is missing."
                : "The iss claim is not a non-empty string."));
            return;
        }

        if (!IsHttpsIssuer(issuer))
        {
            findings.Add(LtiRules.IssNotHttps.At(path, "The issuer is not an HTTPS URL without query and fragment."));
        }

        if (candidates.Count == 0)
        {
            findings.Add(LtiRules.IssNotRegistered.At(path, "No registration has exactly this issuer (the comparison is case-sensitive)."));
        }
    }

    private void CheckAudience(bool present, bool valid, string[] audiences, IReadOnlyList<LtiRegistration> candidates, LtiRegistration? registration, List<Finding> findings)
    {
        var path = Paths.Audience;
        if (!present)
        {
            findings.Add(LtiRules.AudMissing.At(path, "The aud claim is missing."));
            return;
        }

        if (!valid)
        {
            findings.Add(LtiRules.AudInvalid.At(path, "The aud claim is not a non-empty string or an array of non-empty strings."));
        }

        if (candidates.Count == 0)
        {
            return;
        }

        if (registration is null)
        {
            findings.Add(LtiRules.AudClientIdAbsent.At(path, "The audience does not contain a client id registered for this issuer."));
            return;
        }

        foreach (var audience in audiences)
        {
            if (!string.Equals(audience, registration.ClientId, StringComparison.Ordinal)
                && !_trustedAudiences.Contains(audience))
            {
                findings.Add(LtiRules.AudUntrusted.At(path, "The audience contains a party the tool does not trust; add it to TrustedAudiences if it is expected."));
                break;
            }
        }
    }

    private static void CheckAuthorizedParty(JsonElement? azp, string? party, string[] audiences, LtiRegistration? registration, List<Finding> findings)
    {
        var path = Paths.AuthorizedParty;
        if (azp is null)
        {
            if (audiences.Length > 1)
            {
                findings.Add(LtiRules.AzpMissing.At(path, "The audience has several values but there is no azp claim."));
            }

            return;
        }

        if (party is null
            || (registration is not null && !string.Equals(party, registration.ClientId, StringComparison.Ordinal)))
        {
            findings.Add(LtiRules.AzpMismatch.At(path, "The azp claim is not the tool's client id."));
        }
    }

    private static Instant? ReadTime(LaunchClaims claims, int slot, string claim, string path, RuleDescriptor missing, RuleDescriptor invalid, List<Finding> findings)
    {
        if (!claims.TryGet(slot, out var element))
        {
            findings.Add(missing.At(path, $"The {claim} claim is missing."));
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetInt64(out var seconds) && seconds is >= MinUnixSeconds and <= MaxUnixSeconds)
            {
                return Instant.FromUnixTimeSeconds(seconds);
            }

            if (element.TryGetDouble(out var fractional) && double.IsFinite(fractional) && fractional >= MinUnixSeconds && fractional <= MaxUnixSeconds)
            {
                return Instant.FromUnixTimeTicks((long)Math.Floor(fractional * NodaConstants.TicksPerSecond));
            }
        }

        findings.Add(invalid.At(path, $"The {claim} claim is not a number of seconds since 1970-01-01T00:00:00Z in the supported range."));
        return null;
    }

    private void CheckTimes(Instant? exp, Instant? iat, Instant now, List<Finding> findings)
    {
        var leeway = _options.Leeway;
        if (exp is { } expires && now > expires + leeway)
        {
            findings.Add(LtiRules.ExpExpired.At(Paths.Expires, string.Create(CultureInfo.InvariantCulture,
                $"The token expired {Math.Round((now - expires).TotalSeconds)} s ago (leeway {leeway.TotalSeconds} s).")));
        }

        if (iat is not { } issued)
        {
            return;
        }

        var path = Paths.IssuedAt;
        if (issued > now + leeway)
        {
            findings.Add(LtiRules.IatInFuture.At(path, string.Create(CultureInfo.InvariantCulture,
                $"The token is issued {Math.Round((issued - now).TotalSeconds)} s in the future (leeway {leeway.TotalSeconds} s).")));
        }
        else if (_options.MaxTokenAge is { } maxAge && now > issued + maxAge + leeway)
        {
            findings.Add(LtiRules.IatTooOld.At(path, string.Create(CultureInfo.InvariantCulture,
                $"The token was issued more than {maxAge.TotalSeconds} s ago.")));
        }
    }

    // Returns the nonce to record and until when, or null when there is none (reported here).
    private string? ReadNonce(LaunchClaims claims, Instant? exp, Instant? iat, Instant now, List<Finding> findings, out Instant until)
    {
        until = now;
        if (!claims.TryGet(LaunchClaims.Nonce, out var nonce) || JsonText.Shape(nonce, out _) < StringShape.Plain)
        {
            findings.Add(LtiRules.NonceMissing.At(Paths.Nonce, "The nonce claim is missing or not a non-empty string."));
            return null;
        }

        // Remember the nonce as long as the token could still be accepted.
        var window = _options.MaxTokenAge ?? Duration.FromHours(1);
        until = exp ?? (iat ?? now) + window;
        if (iat is { } issued && _options.MaxTokenAge is { } maxAge && issued + maxAge < until)
        {
            until = issued + maxAge;
        }

        if (until < now)
        {
            until = now;
        }

        until += _options.Leeway;
        return nonce.GetString()!;
    }

    private bool CheckSubject(LaunchClaims claims, List<Finding> findings)
    {
        var path = Paths.Subject;
        if (!claims.TryGet(LaunchClaims.Sub, out var sub))
        {
            if (!_options.AllowAnonymous)
            {
                findings.Add(LtiRules.AnonymousNotAllowed.At(path, "The launch has no sub (anonymous launch) and anonymous launches are not allowed."));
            }

            foreach (var claim in claims.IdentityClaims())
            {
                findings.Add(LtiRules.AnonymousWithIdentity.At(JsonPaths.Claim(claim), "An anonymous launch carries a user identity claim."));
            }

            return true;
        }

        var shape = JsonText.Shape(sub, out var raw);
        if (shape < StringShape.Plain)
        {
            findings.Add(LtiRules.SubEmpty.At(path, "The sub claim is present but not a non-empty string; omit it for an anonymous launch."));
            return false;
        }

        CheckIdentifier(sub, shape, raw, path, LtiRules.SubTooLong, findings);
        return false;
    }

    private static void CheckIdentifier(JsonElement value, StringShape shape, ReadOnlySpan<byte> plain, string path, RuleDescriptor tooLong, List<Finding> findings)
    {
        var ascii = JsonText.IsAscii(value, shape, plain, out var length);
        if (length > MaxIdentifierLength)
        {
            findings.Add(tooLong.At(path, string.Create(CultureInfo.InvariantCulture, $"The value has {length} characters; the limit is {MaxIdentifierLength}.")));
        }

        if (!ascii)
        {
            findings.Add(LtiRules.IdentifierNotAscii.At(path, "The identifier contains characters outside ASCII."));
        }
    }

    private static void CheckVersion(LaunchClaims claims, List<Finding> findings)
    {
        var path = Paths.Version;
        if (!claims.TryGet(LaunchClaims.Version, out var version))
        {
            findings.Add(LtiRules.VersionMissing.At(path, "The version claim is missing."));
        }
        else if (JsonText.Shape(version, out var raw) switch
        {
            StringShape.Plain => !raw.SequenceEqual("1.3.0"u8),
            StringShape.Escaped => !version.ValueEquals("1.3.0"u8),
            _ => true,
        })
        {
            findings.Add(LtiRules.VersionUnsupported.At(path, "The version is not \"1.3.0\"."));
        }
    }

    private string? CheckMessageType(LaunchClaims claims, List<Finding> findings)
    {
        var path = Paths.MessageType;
        if (!claims.TryGet(LaunchClaims.MessageType, out var type) || JsonText.Shape(type, out var raw) < StringShape.Plain)
        {
            findings.Add(LtiRules.MessageTypeMissing.At(path, "The message_type claim is missing or not a non-empty string."));
            return null;
        }

        if (!LtiMessageTypes.TryNormalize(type, raw, out var normalized) || !_messageTypes.Contains(normalized))
        {
            findings.Add(LtiRules.MessageTypeUnknown.At(path, $"The message type is not one the tool handles: {string.Join(", ", _options.AcceptedMessageTypes)}."));
            return null;
        }

        return normalized;
    }

    private static void CheckDeployment(LaunchClaims claims, LtiRegistration? registration, List<Finding> findings)
    {
        var path = Paths.DeploymentId;
        if (!claims.TryGet(LaunchClaims.DeploymentId, out var deployment) || JsonText.Shape(deployment, out var raw) is var shape && shape < StringShape.Plain)
        {
            findings.Add(LtiRules.DeploymentIdMissing.At(path, "The deployment_id claim is missing or not a non-empty string."));
            return;
        }

        CheckIdentifier(deployment, shape, raw, path, LtiRules.DeploymentIdTooLong, findings);
        if (registration is not null && !registration.HasDeployment(deployment, raw))
        {
            findings.Add(LtiRules.DeploymentIdNotRegistered.At(path, "The deployment_id is not registered for this issuer and client id."));
        }
    }

    // Returns whether the roles include Mentor (or one of its sub-roles); reads the roles without allocating.
    private static bool CheckRoles(LaunchClaims claims, List<Finding> findings)
    {
        var path = Paths.Roles;
        if (!claims.TryGet(LaunchClaims.Roles, out var element))
        {
            findings.Add(LtiRules.RolesMissing.At(path, "The roles claim is missing; send an empty array when the user has no role."));
            return false;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            findings.Add(LtiRules.RolesInvalid.At(path, "The roles claim is not an array."));
            return false;
        }

        var index = 0;
        var any = false;
        var vocabulary = false;
        var mentor = false;
        foreach (var item in element.EnumerateArray())
        {
            var itemIndex = index++;
            var shape = JsonText.Shape(item, out var raw);
            if (shape == StringShape.NotString)
            {
                findings.Add(LtiRules.RolesInvalid.At(JsonPaths.Index(path, itemIndex), "A role is not a string."));
                continue;
            }

            if (shape == StringShape.Empty)
            {
                continue;
            }

            var traits = shape == StringShape.Escaped ? TraitsOfEscaped(item) : LtiRoles.Traits(raw);

            var isVocabulary = (traits & RoleTraits.Vocabulary) != 0;
            if ((traits & RoleTraits.ShortName) != 0)
            {
                findings.Add(LtiRules.RolesShortName.At(JsonPaths.Index(path, itemIndex), $"The short role name is read as {LtiRoles.Normalize(item.GetString()!)}."));
            }
            else if (!isVocabulary)
            {
                findings.Add(LtiRules.RolesUnknown.At(JsonPaths.Index(path, itemIndex), "The role is not in the LTI role vocabularies; it is accepted as is."));
            }

            vocabulary |= isVocabulary;
            mentor |= (traits & RoleTraits.Mentor) != 0;
            any = true;
        }

        if (any && !vocabulary)
        {
            findings.Add(LtiRules.RolesNoVocabularyRole.At(path, "No role is from the LTI role vocabularies."));
        }

        return mentor;
    }

    // A role written with escapes: decoded, then read with the span forms.
    private static RoleTraits TraitsOfEscaped(JsonElement item)
    {
        Span<char> buffer = stackalloc char[JsonText.BufferLength];
        var role = JsonText.Get(item, buffer);
        return (LtiRoles.IsShortName(role) ? RoleTraits.ShortName : RoleTraits.None)
            | (LtiRoles.IsVocabularyRole(role) ? RoleTraits.Vocabulary : RoleTraits.None)
            | (LtiRoles.IsMentor(role) ? RoleTraits.Mentor : RoleTraits.None);
    }

    private static void CheckRoleScopeMentor(LaunchClaims claims, bool mentor, List<Finding> findings)
    {
        if (!claims.TryGet(LaunchClaims.RoleScopeMentor, out var mentees))
        {
            return;
        }

        var path = Paths.RoleScopeMentor;
        if (mentees.ValueKind != JsonValueKind.Array || mentees.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String))
        {
            findings.Add(LtiRules.RoleScopeMentorInvalid.At(path, "role_scope_mentor is not an array of user id strings."));
        }

        if (!mentor)
        {
            findings.Add(LtiRules.RoleScopeMentorWithoutMentor.At(path, "role_scope_mentor is present but roles has no Mentor role; other learners' ids must not be disclosed."));
        }
    }

    private static void CheckContext(LaunchClaims claims, List<Finding> findings)
    {
        if (!claims.TryGet(LaunchClaims.Context, out var context))
        {
            return;
        }

        var path = Paths.Context;
        if (context.ValueKind != JsonValueKind.Object)
        {
            findings.Add(LtiRules.ContextInvalid.At(path, "The context claim is not an object."));
            return;
        }

        CheckRequiredId(context, Paths.ContextId, "id"u8, "id", LtiRules.ContextIdMissing, LtiRules.ContextIdTooLong, findings);
    }

    private static void CheckToolPlatform(LaunchClaims claims, List<Finding> findings)
    {
        if (!claims.TryGet(LaunchClaims.ToolPlatform, out var platform))
        {
            return;
        }

        var path = Paths.ToolPlatform;
        if (platform.ValueKind != JsonValueKind.Object)
        {
            findings.Add(LtiRules.ToolPlatformGuidMissing.At(path, "The tool_platform claim is not an object with a guid."));
            return;
        }

        CheckRequiredId(platform, Paths.ToolPlatformGuid, "guid"u8, "guid", LtiRules.ToolPlatformGuidMissing, LtiRules.ToolPlatformGuidTooLong, findings);
    }

    private static void CheckRequiredId(JsonElement obj, string path, ReadOnlySpan<byte> utf8Member, string member, RuleDescriptor missing, RuleDescriptor tooLong, List<Finding> findings)
    {
        if (!obj.TryGetProperty(utf8Member, out var id) || JsonText.Shape(id, out var raw) is var shape && shape < StringShape.Plain)
        {
            findings.Add(missing.At(path, $"The {member} is missing or not a non-empty string."));
            return;
        }

        CheckIdentifier(id, shape, raw, path, tooLong, findings);
    }

    private static void CheckCustom(LaunchClaims claims, List<Finding> findings)
    {
        if (!claims.TryGet(LaunchClaims.Custom, out var custom))
        {
            return;
        }

        var path = Paths.Custom;
        if (custom.ValueKind != JsonValueKind.Object)
        {
            findings.Add(LtiRules.CustomInvalid.At(path, "The custom claim is not an object."));
            return;
        }

        foreach (var property in custom.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                findings.Add(LtiRules.CustomValueNotString.At(JsonPaths.Property(path, property.Name), "The custom value is not a string."));
            }
        }
    }

    private static void CheckMessageClaims(LaunchClaims claims, string? messageType, List<Finding> findings)
    {
        switch (messageType)
        {
            case LtiMessageTypes.ResourceLink:
                if (!claims.TryGet(LaunchClaims.TargetLinkUri, out var target) || JsonText.Shape(target, out _) < StringShape.Plain)
                {
                    findings.Add(LtiRules.TargetLinkUriMissing.At(Paths.TargetLinkUri, "The target_link_uri claim is missing or empty."));
                }

                CheckResourceLink(claims, findings);
                break;
            case LtiMessageTypes.DeepLinking:
                CheckDeepLinkingSettings(claims, findings);
                break;
            case LtiMessageTypes.SubmissionReview:
                CheckForUser(claims, findings);
                CheckLineItem(claims, findings);
                break;
            case LtiMessageTypes.DataPrivacyLaunch:
                CheckForUser(claims, findings);
                foreach (var (slot, claim) in (ReadOnlySpan<(int, string)>)[(LaunchClaims.ResourceLink, LtiClaimNames.ResourceLink), (LaunchClaims.Context, LtiClaimNames.Context)])
                {
                    if (claims.TryGet(slot, out _))
                    {
                        findings.Add(LtiRules.PrivacyLaunchUnexpectedClaim.At(JsonPaths.Claim(claim), "A data privacy launch is not about a course or link; this claim is not expected."));
                    }
                }

                break;
        }
    }

    private static void CheckResourceLink(LaunchClaims claims, List<Finding> findings)
    {
        var path = Paths.ResourceLink;
        if (!claims.TryGet(LaunchClaims.ResourceLink, out var link) || link.ValueKind != JsonValueKind.Object)
        {
            findings.Add(LtiRules.ResourceLinkMissing.At(path, "The resource_link claim is missing or not an object."));
            return;
        }

        CheckRequiredId(link, Paths.ResourceLinkId, "id"u8, "id", LtiRules.ResourceLinkIdMissing, LtiRules.ResourceLinkIdTooLong, findings);
    }

    private static void CheckDeepLinkingSettings(LaunchClaims claims, List<Finding> findings)
    {
        var path = Paths.DeepLinkingSettings;
        if (!claims.TryGet(LaunchClaims.DeepLinkingSettings, out var settings) || settings.ValueKind != JsonValueKind.Object)
        {
            findings.Add(LtiRules.DeepLinkingSettingsMissing.At(path, "The deep_linking_settings claim is missing or not an object."));
            return;
        }

        if (!IsNonEmptyString(settings, "deep_link_return_url"u8))
        {
            findings.Add(LtiRules.DeepLinkingSettingsIncomplete.At(JsonPaths.Property(path, "deep_link_return_url"), "deep_link_return_url is missing or empty."));
        }

        foreach (var member in (string[])["accept_types", "accept_presentation_document_targets"])
        {
            if (!settings.TryGetProperty(member, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                findings.Add(LtiRules.DeepLinkingSettingsIncomplete.At(JsonPaths.Property(path, member), $"{member} is missing or empty."));
            }
        }
    }

    private static void CheckForUser(LaunchClaims claims, List<Finding> findings)
    {
        var path = Paths.ForUser;
        if (!claims.TryGet(LaunchClaims.ForUser, out var forUser) || forUser.ValueKind != JsonValueKind.Object)
        {
            findings.Add(LtiRules.ForUserMissing.At(path, "The for_user claim is missing or not an object."));
            return;
        }

        if (IsNonEmptyString(forUser, "user_id"u8))
        {
            return;
        }

        if (IsNonEmptyString(forUser, "id"u8))
        {
            findings.Add(LtiRules.ForUserIdAlias.At(JsonPaths.Property(path, "id"), "for_user uses id instead of user_id; it is read as user_id."));
            return;
        }

        findings.Add(LtiRules.ForUserIdMissing.At(JsonPaths.Property(path, "user_id"), "for_user has no non-empty user_id."));
    }

    private static void CheckLineItem(LaunchClaims claims, List<Finding> findings)
    {
        if (!claims.TryGet(LaunchClaims.AgsEndpoint, out var endpoint) || endpoint.ValueKind != JsonValueKind.Object || !IsNonEmptyString(endpoint, "lineitem"u8))
        {
            findings.Add(LtiRules.SubmissionReviewLineItemMissing.At(JsonPaths.Member(LtiClaimNames.AgsEndpoint, "lineitem"), "The AGS endpoint claim has no lineitem URL."));
        }
    }

    private static void CheckMigration(JsonElement payload, LtiRegistration? registration, List<Finding> findings)
    {
        if (registration?.Lti11Secret is not { } secret)
        {
            return;
        }

        var path = JsonPaths.Member(LtiClaimNames.Lti1p1, "oauth_consumer_key_sign");
        switch (Lti11MigrationSignature.TryRead(payload, out var parts))
        {
            case null:
                return;
            case false:
                findings.Add(LtiRules.Lti1p1SignMissing.At(path, "The lti1p1 claim lacks oauth_consumer_key or oauth_consumer_key_sign (or exp, nonce, iss, deployment_id are missing)."));
                return;
        }

        if (!Lti11MigrationSignature.Verify(parts.Signature, parts.ConsumerKey, parts.DeploymentId, parts.Issuer, registration.ClientId, parts.Exp, parts.Nonce, secret))
        {
            findings.Add(LtiRules.Lti1p1SignMismatch.At(path, "oauth_consumer_key_sign does not verify with the LTI 1.1 secret; do not link 1.1 records to this user."));
        }
    }

    private static bool IsHttpsIssuer(string issuer)
    {
        const string Scheme = "https://";
        if (issuer.Length <= Scheme.Length || !issuer.StartsWith(Scheme, StringComparison.Ordinal) || issuer[Scheme.Length] is '/' or ':')
        {
            return false;
        }

        return !issuer.AsSpan(Scheme.Length).ContainsAny(NotInIssuer);
    }

    private static bool IsNonEmptyString(JsonElement obj, ReadOnlySpan<byte> member) =>
        obj.TryGetProperty(member, out var value) && JsonText.Shape(value, out _) >= StringShape.Plain;

    private static class Paths
    {
        public static readonly string Audience = JsonPaths.Claim(LtiClaimNames.Audience);
        public static readonly string AuthorizedParty = JsonPaths.Claim(LtiClaimNames.AuthorizedParty);
        public static readonly string Context = JsonPaths.Claim(LtiClaimNames.Context);
        public static readonly string Custom = JsonPaths.Claim(LtiClaimNames.Custom);
        public static readonly string DeepLinkingSettings = JsonPaths.Claim(LtiClaimNames.DeepLinkingSettings);
        public static readonly string DeploymentId = JsonPaths.Claim(LtiClaimNames.DeploymentId);
        public static readonly string Expires = JsonPaths.Claim(LtiClaimNames.Expires);
        public static readonly string ForUser = JsonPaths.Claim(LtiClaimNames.ForUser);
        public static readonly string IssuedAt = JsonPaths.Claim(LtiClaimNames.IssuedAt);
        public static readonly string Issuer = JsonPaths.Claim(LtiClaimNames.Issuer);
        public static readonly string MessageType = JsonPaths.Claim(LtiClaimNames.MessageType);
        public static readonly string Nonce = JsonPaths.Claim(LtiClaimNames.Nonce);
        public static readonly string ResourceLink = JsonPaths.Claim(LtiClaimNames.ResourceLink);
        public static readonly string RoleScopeMentor = JsonPaths.Claim(LtiClaimNames.RoleScopeMentor);
        public static readonly string Roles = JsonPaths.Claim(LtiClaimNames.Roles);
        public static readonly string Subject = JsonPaths.Claim(LtiClaimNames.Subject);
        public static readonly string TargetLinkUri = JsonPaths.Claim(LtiClaimNames.TargetLinkUri);
        public static readonly string ToolPlatform = JsonPaths.Claim(LtiClaimNames.ToolPlatform);
        public static readonly string Version = JsonPaths.Claim(LtiClaimNames.Version);
        public static readonly string ContextId = JsonPaths.Property(Context, "id");
        public static readonly string ToolPlatformGuid = JsonPaths.Property(ToolPlatform, "guid");
        public static readonly string ResourceLinkId = JsonPaths.Property(ResourceLink, "id");
    }
}
