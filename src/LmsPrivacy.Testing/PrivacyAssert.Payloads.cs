using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.Lti;
using LmsPrivacy.Lti.Claims;
using LmsPrivacy.Lti.Validation;
using LmsPrivacy.Scorm;
using LmsPrivacy.Scorm.Redaction;
using LmsPrivacy.Scorm.Validation;
using LmsPrivacy.Xapi;
using LmsPrivacy.Xapi.Scanning;
using LmsPrivacy.Xapi.Validation;
using NodaTime;

namespace LmsPrivacy.Testing;

/// <summary>Payload assertions that run the packages' own validators, scanners and classifiers.</summary>
public static partial class PrivacyAssert
{
    private static readonly StatementScanner Scanner = new();

    /// <summary>Asserts that an xAPI statement is valid per the xAPI specification, using Xapi's <see cref="StatementValidator"/>.</summary>
    /// <param name="statementJson">The statement as JSON text.</param>
    /// <param name="version">The xAPI version to validate against (default 1.0.3).</param>
    /// <exception cref="PrivacyAssertionException">The validator reports errors; each is listed as rule code and JSON path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="statementJson"/> is null.</exception>
    public static void ValidXapiStatement(string statementJson, XapiVersion version = XapiVersion.Version103)
    {
        ArgumentNullException.ThrowIfNull(statementJson);
        ThrowIfErrors("Expected a valid xAPI statement.", new StatementValidator(version).Validate(statementJson));
    }

    /// <summary>Asserts that an xAPI statement is valid; see <see cref="ValidXapiStatement(string, XapiVersion)"/>.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="version">The xAPI version.</param>
    /// <exception cref="PrivacyAssertionException">The validator reports errors.</exception>
    public static void ValidXapiStatement(JsonElement statement, XapiVersion version = XapiVersion.Version103) =>
        ThrowIfErrors("Expected a valid xAPI statement.", new StatementValidator(version).Validate(statement));

    /// <summary>
    /// Asserts that a SCORM CMI snapshot (element → value, in the order a SCO sets them) is valid for the version's run-time
    /// data model, using Scorm's <see cref="ScormSnapshotValidator"/>.
    /// </summary>
    /// <param name="version">SCORM 1.2 or 2004.</param>
    /// <param name="snapshot">The element → value pairs.</param>
    /// <exception cref="PrivacyAssertionException">The validator reports errors; each is listed as rule code and element path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static void ValidCmiSnapshot(ScormVersion version, IEnumerable<KeyValuePair<string, string>> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var report = new ScormSnapshotValidator().Validate(version, snapshot);
        ThrowIfErrors("Expected a valid SCORM CMI snapshot.", new ValidationReport(report.Findings));
    }

    /// <summary>
    /// Asserts that a decoded LTI 1.3 launch (the JWT's claims) is valid for a platform registration, using Lti's
    /// <see cref="LtiLaunchValidator"/>: issuer, audience, deployment, times, nonce, message claims.
    /// </summary>
    /// <param name="payload">The JSON object of claims.</param>
    /// <param name="registration">The platform registration the tool trusts (issuer, client id, deployments).</param>
    /// <param name="validatedAt">The instant <c>exp</c> and <c>iat</c> are checked against (fixed, so the test is repeatable).</param>
    /// <param name="header">The JOSE header, or <see langword="null"/> to skip the kid and alg checks.</param>
    /// <param name="options">The validator options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>A task that completes when the launch is valid.</returns>
    /// <exception cref="PrivacyAssertionException">The validator reports errors; each is listed as rule code and JSON path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> is null.</exception>
    public static async Task ValidLtiLaunchAsync(
        JsonElement payload, LtiRegistration registration, Instant validatedAt, JsonElement? header = null, LtiOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var clock = new FixedClock(validatedAt);
        var validator = new LtiLaunchValidator(new InMemoryLtiRegistrationStore([registration]), new InMemoryLtiNonceStore(clock), clock, options);
        var result = await validator.ValidateAsync(payload, header, cancellationToken).ConfigureAwait(false);
        ThrowIfErrors("Expected a valid LTI launch.", result.Report);
    }

    /// <summary>
    /// Asserts that an xAPI statement carries no direct identifier, using Xapi's <see cref="StatementScanner"/>: no
    /// <c>mbox</c>, <c>mbox_sha1sum</c>, <c>openid</c> or real account and no agent <c>name</c> in any actor position, no
    /// e-mail address in any string (<c>xapi.pii.*</c> findings of category direct identifier), and no unkeyed
    /// <c>mbox_sha1sum</c> (<c>xapi.pii.mbox_sha1sum</c>: reversed with a list of addresses, so not a pseudonym).
    /// </summary>
    /// <param name="statement">The statement.</param>
    /// <exception cref="PrivacyAssertionException">Direct identifiers were found; the message lists JSON paths and rule codes, never values.</exception>
    public static void NoDirectIdentifiersInStatement(JsonElement statement)
    {
        var problems = Scanner.Scan(statement)
            .Where(f => f.Category == DataCategory.DirectIdentifier || f.Finding.Code == XapiRules.PersonalMboxSha1Sum.Code)
            .Select(f => Describe(f.Finding, f.Category))
            .ToList();
        ThrowIfAny("The xAPI statement carries direct identifiers.", problems);
    }

    /// <summary>
    /// Asserts that a decoded LTI launch carries no direct identifier, using Lti's <see cref="LtiClaimClassifier"/>: no
    /// claim or member classified as a direct identifier (<c>name</c>, <c>email</c>, <c>given_name</c>, <c>lis.person_sourcedid</c>,
    /// a custom value repeating them, …).
    /// </summary>
    /// <param name="payload">The JSON object of claims.</param>
    /// <param name="classifier">A classifier knowing the host's own claims, or <see langword="null"/> for <see cref="LtiClaimClassifier.Default"/>.</param>
    /// <exception cref="PrivacyAssertionException">Direct identifiers were found; the message lists JSON paths, claims and rule codes, never values.</exception>
    public static void NoDirectIdentifiersInLaunch(JsonElement payload, LtiClaimClassifier? classifier = null)
    {
        var classification = (classifier ?? LtiClaimClassifier.Default).Classify(payload);
        var problems = new List<string>();
        var codes = classification.Findings.Where(f => f.Code == LtiRules.CustomDirectIdentifier.Code).ToList();
        foreach (var claim in classification.OfCategory(DataCategory.DirectIdentifier))
        {
            var finding = codes.FirstOrDefault(f => f.Path == claim.Path);
            problems.Add(finding is null
                ? $"{claim.Path}: {DataCategory.DirectIdentifier.ToCode()} (LTI claim '{claim.Claim}'{(claim.Member is null ? string.Empty : $", member '{claim.Member}'")} in the Lti claim catalog)"
                : Describe(finding, DataCategory.DirectIdentifier));
        }

        ThrowIfAny("The LTI launch carries direct identifiers.", problems);
    }

    /// <summary>
    /// Asserts that a SCORM CMI snapshot carries no direct identifier, using Scorm's <see cref="ScormClassifier"/>: no
    /// non-empty element the data model classifies as a direct identifier (<c>cmi.learner_name</c>,
    /// <c>cmi.core.student_name</c>), and no e-mail address in any value.
    /// </summary>
    /// <param name="version">SCORM 1.2 or 2004.</param>
    /// <param name="snapshot">The element → value pairs.</param>
    /// <exception cref="PrivacyAssertionException">Direct identifiers were found; the message lists element paths and rule codes, never values.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static void NoDirectIdentifiersInCmiSnapshot(ScormVersion version, IEnumerable<KeyValuePair<string, string>> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var pairs = snapshot.ToList();
        var classified = ScormClassifier.ClassifySnapshot(version, pairs);
        var problems = new List<string>();
        for (var i = 0; i < pairs.Count && i < classified.Length; i++)
        {
            var value = pairs[i].Value ?? string.Empty;
            if (value.Length == 0)
            {
                continue;
            }

            if (classified[i].Category == DataCategory.DirectIdentifier)
            {
                problems.Add($"{pairs[i].Key}: {ScormRules.ClassifyPersonalData.Code}, {DataCategory.DirectIdentifier.ToCode()}");
            }
            else if (StatementScanner.ContainsEmailAddress(value))
            {
                problems.Add($"{pairs[i].Key}: {XapiRules.PersonalEmailInText.Code} (an e-mail address in the value)");
            }
        }

        ThrowIfAny("The SCORM CMI snapshot carries direct identifiers.", problems);
    }

    private static string Describe(Finding finding, DataCategory category) =>
        $"{finding.Path}: {finding.Code}, {category.ToCode()}";

    private static void ThrowIfAny(string headline, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new PrivacyAssertionException(headline, problems);
        }
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
