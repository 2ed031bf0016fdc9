namespace LmsPrivacy.Xapi.Streaming;

/// <summary>How the statements of a file are laid out.</summary>
public enum StatementContainer
{
    /// <summary>Not known yet (nothing has been read).</summary>
    Unknown = 0,

    /// <summary>One statement object.</summary>
    SingleStatement = 1,

    /// <summary>A JSON array of statements (what an LRS's <c>POST /statements</c> takes).</summary>
    Array = 2,

    /// <summary>Newline-delimited JSON: one statement per line (two or more top-level values).</summary>
    Lines = 3,
}
