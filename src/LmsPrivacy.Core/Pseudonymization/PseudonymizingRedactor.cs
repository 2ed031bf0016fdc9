using Microsoft.Extensions.Compliance.Redaction;

namespace LmsPrivacy.Pseudonymization;

/// <summary>
/// A <see cref="Redactor"/> that replaces a value by its keyed pseudonym, so log lines about the same learner can
/// still be correlated without the learner's identity in the log.
/// </summary>
/// <remarks>
/// Register it for the identifying classifications, for example
/// <c>services.AddRedaction(b =&gt; b.SetRedactor&lt;PseudonymizingRedactor&gt;(LmsPrivacyClassifications.DirectIdentifier))</c>,
/// after <c>AddLmsPrivacyCore</c> has configured a key.
/// </remarks>
public sealed class PseudonymizingRedactor : Redactor
{
    private readonly Pseudonymizer _pseudonymizer;

    /// <summary>Initializes the redactor.</summary>
    /// <param name="pseudonymizer">The pseudonymizer whose active key makes the replacement values.</param>
    public PseudonymizingRedactor(Pseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        _pseudonymizer = pseudonymizer;
    }

    /// <inheritdoc/>
    public override int GetRedactedLength(ReadOnlySpan<char> input) =>
        input.IsEmpty ? 0 : _pseudonymizer.Pseudonymize(input.ToString()).Length;

    /// <inheritdoc/>
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        var pseudonym = _pseudonymizer.Pseudonymize(source.ToString());
        pseudonym.AsSpan().CopyTo(destination);
        return pseudonym.Length;
    }
}
