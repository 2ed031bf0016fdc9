using System.Text;
using FsCheck.Xunit;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Xapi.Tests.Streaming;

public sealed class PseudonymizationPropertyTests
{
    private static readonly StatementPseudonymizer Pseudonymizer = StatementPseudonymizerTests.Create();

    private static StatementValidator ValidatorFor(StatementCase statement) =>
        new(statement.UsesXapi2 ? XapiVersion.Version200 : XapiVersion.Version103);

    [Property(Arbitrary = [typeof(XapiArbitraries)], MaxTest = 200)]
    public bool PseudonymizedOutput_ContainsNoMboxEmailOrAgentName(StatementCase statement)
    {
        var output = Pseudonymizer.Pseudonymize(statement.Json);

        return !output.Contains("mailto:", StringComparison.OrdinalIgnoreCase)
            && !output.Contains("@example.org", StringComparison.OrdinalIgnoreCase)
            && statement.Identifiers.All(id => !output.Contains(id, StringComparison.OrdinalIgnoreCase));
    }

    [Property(Arbitrary = [typeof(XapiArbitraries)], MaxTest = 200)]
    public bool Pseudonymization_IsDeterministicAcrossInstances(StatementCase statement) =>
        Pseudonymizer.Pseudonymize(statement.Json) == StatementPseudonymizerTests.Create().Pseudonymize(statement.Json);

    [Property(Arbitrary = [typeof(XapiArbitraries)], MaxTest = 200)]
    public bool Pseudonymization_IsIdempotent(StatementCase statement)
    {
        var once = Pseudonymizer.Pseudonymize(statement.Json);

        return Pseudonymizer.Pseudonymize(once) == once;
    }

    [Property(Arbitrary = [typeof(XapiArbitraries)], MaxTest = 200)]
    public bool ValidStatement_StaysValidAfterPseudonymization(StatementCase statement)
    {
        var validator = ValidatorFor(statement);

        return validator.Validate(statement.Json).IsValid
            && validator.Validate(Pseudonymizer.Pseudonymize(statement.Json)).IsValid;
    }

    [Property(Arbitrary = [typeof(XapiArbitraries)], MaxTest = 100)]
    public bool SameIdentity_SamePseudonymInEveryPosition(StatementCase statement)
    {
        // Put the statement's actor also in context.instructor of a second statement: both must get the same account.
        var actor = System.Text.Json.JsonDocument.Parse(statement.Json).RootElement.GetProperty("actor").GetRawText();
        if (actor.Contains("\"Group\"", StringComparison.Ordinal))
        {
            return true; // instructors are Agents in this check
        }

        var second = """{"actor":{"openid":"https://example.org/other"},"verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"},"context":{"instructor":""" + actor + "}}";
        var first = System.Text.Json.JsonDocument.Parse(Pseudonymizer.Pseudonymize(statement.Json)).RootElement.GetProperty("actor").GetRawText();
        var other = System.Text.Json.JsonDocument.Parse(Pseudonymizer.Pseudonymize(second)).RootElement.GetProperty("context").GetProperty("instructor").GetRawText();
        return first == other;
    }

    [Property(Arbitrary = [typeof(XapiArbitraries)], MaxTest = 100)]
    public bool ReadThenWrite_RoundTripsEveryStatementInAnyLayout(StatementBatch batch)
    {
        var text = batch.Layout switch
        {
            0 => "[" + string.Join(",\n", batch.Statements) + "]",
            1 => string.Join("\n", batch.Statements) + "\n",
            _ => batch.Statements.Count == 0 ? "[]" : batch.Statements[0],
        };
        var expected = batch.Layout == 2 ? batch.Statements.Take(1).ToList() : [.. batch.Statements];
        if (batch.Layout == 1 && expected.Count == 0)
        {
            return true; // an empty NDJSON file is empty input
        }

        using var reader = new StatementReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var read = new List<string>();
        while (reader.Read())
        {
            read.Add(Encoding.UTF8.GetString(reader.Current.Span));
        }

        return read.SequenceEqual(expected);
    }

    [Property(Arbitrary = [typeof(XapiArbitraries)], MaxTest = 100)]
    public bool StreamOutput_HasSameLayoutAndCount(StatementBatch batch)
    {
        if (batch.Statements.Count == 0 || batch.Layout == 2)
        {
            return true;
        }

        var text = batch.Layout == 0 ? "[" + string.Join(",", batch.Statements) + "]" : string.Join("\n", batch.Statements);
        var output = new MemoryStream();
        var result = Pseudonymizer.PseudonymizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), output, TestContext.Current.CancellationToken).GetAwaiter().GetResult();

        using var reader = new StatementReader(new MemoryStream(output.ToArray()));
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        var layout = batch.Statements.Count == 1 && batch.Layout == 1 ? StatementContainer.SingleStatement : batch.Layout == 0 ? StatementContainer.Array : StatementContainer.Lines;
        return result.Statements == batch.Statements.Count && count == batch.Statements.Count && reader.Container == layout && result.Container == layout;
    }

    [Property(Arbitrary = [typeof(XapiArbitraries)], MaxTest = 60)]
    public bool TruncatedOrCorruptedInput_OnlyStreamExceptionNeverCrash(StatementBatch batch, int cut, byte junk)
    {
        if (batch.Statements.Count == 0)
        {
            return true;
        }

        var bytes = Encoding.UTF8.GetBytes("[" + string.Join(",", batch.Statements) + "]");
        var position = Math.Abs(cut % bytes.Length);
        var corrupted = (cut & 1) == 0 ? bytes[..position] : [.. bytes[..position], junk, .. bytes[(position + 1)..]];
        try
        {
            Pseudonymizer.PseudonymizeAsync(new MemoryStream(corrupted), new MemoryStream(), TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            return (cut & 1) == 1; // a truncated array can never succeed
        }
        catch (StatementStreamException)
        {
            return true;
        }
    }
}
