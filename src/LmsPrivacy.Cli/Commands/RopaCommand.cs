using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands;

/// <summary>The `lmsprivacy ropa` area. Not built yet: returns null so it is not offered.</summary>
internal static class RopaCommand
{
    public static Command? Create(CliContext context)
    {
        _ = context;
        return null;
    }
}
