namespace LmsPrivacy.Xapi.Streaming;

/// <summary>What a streaming pseudonymization did.</summary>
/// <param name="Statements">The number of statements written.</param>
/// <param name="Actors">The number of Agents and Groups rewritten (members included).</param>
/// <param name="Container">The layout of input and output.</param>
/// <param name="SignedStatements">
/// Statements that carry a signature attachment: rewriting invalidates a JWS signature, so these need re-signing or
/// the signature dropped.
/// </param>
public sealed record PseudonymizationResult(int Statements, int Actors, StatementContainer Container, int SignedStatements);
