namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>Opens command inputs: a path, or <c>-</c> for standard input, with clear errors instead of exceptions.</summary>
internal static class InputFiles
{
    /// <summary>The largest whole document read into memory (JSON documents, key files); streams are read incrementally.</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    public static Stream Open(CliContext context, string path)
    {
        if (path == "-")
        {
            return context.OpenStandardInput();
        }

        if (Directory.Exists(path))
        {
            throw new CliException($"cannot read '{path}': it is a directory, a file is expected.");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read '{path}': {Describe(ex)}");
        }
    }

    /// <summary>Reads a whole document (at most <see cref="MaxDocumentBytes"/>).</summary>
    public static byte[] ReadAllBytes(CliContext context, string path)
    {
        using var stream = Open(context, path);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes)
                {
                    throw new CliException($"'{path}' is larger than {MaxDocumentBytes / (1024 * 1024)} MiB; refusing to load it whole.");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot read '{path}': {ex.Message}");
        }

        return buffer.ToArray();
    }

    public static string ReadAllText(CliContext context, string path)
    {
        var bytes = ReadAllBytes(context, path);
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new CliException($"'{path}' is not valid UTF-8 text.");
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}
