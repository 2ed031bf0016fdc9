using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Ropa;
using LmsPrivacy.Ropa.Dpa;
using LmsPrivacy.Ropa.Records;

namespace LmsPrivacy.Cli.Commands.Ropa;

/// <summary>Reads record and DPA documents for the ropa and dpa commands; malformed input is exit 2 with one line.</summary>
internal static class RopaInput
{
    public static RecordOfProcessing ReadRecord(CliContext context, string path)
    {
        var bytes = InputFiles.ReadAllBytes(context, path);
        return RopaJson.TryParseRecord(bytes, out var record, out var error)
            ? record
            : throw new CliException($"'{path}' is not a valid record of processing: {error}");
    }

    public static DataProcessingAgreement ReadDpa(CliContext context, string path)
    {
        var bytes = InputFiles.ReadAllBytes(context, path);
        return RopaJson.TryParseDpa(bytes, out var dpa, out var error)
            ? dpa
            : throw new CliException($"'{path}' is not a valid data processing agreement: {error}");
    }
}
