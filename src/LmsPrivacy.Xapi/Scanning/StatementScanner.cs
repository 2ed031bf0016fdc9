using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Xapi.Scanning;

/// <summary>
/// Reports the personal data a statement carries, with its <see cref="DataCategory"/> and JSON path: actor identifiers
/// and names in every actor position, free-text <c>result.response</c>, extensions, <c>context.registration</c>,
/// attachments, and e-mail addresses found in any other string.
/// </summary>
/// <remarks>
/// Run it after pseudonymization to see what is left. Stateless and thread-safe. Findings never repeat the values.
/// </remarks>
public sealed class StatementScanner
{
    private readonly bool _searchStrings;

    /// <summary>Initializes a scanner that also searches every string for e-mail addresses.</summary>
    public StatementScanner()
        : this(searchStrings: true)
    {
    }

    /// <summary>Initializes a scanner.</summary>
    /// <param name="searchStrings">Whether to search every string value for e-mail addresses (<c>xapi.pii.email_in_text</c>).</param>
    public StatementScanner(bool searchStrings) => _searchStrings = searchStrings;

    /// <summary>Scans one statement.</summary>
    /// <param name="statement">The statement.</param>
    /// <returns>The findings in document order; paths rooted at <c>$</c>.</returns>
    public IReadOnlyList<PersonalDataFinding> Scan(JsonElement statement)
    {
        var walk = new Walk(_searchStrings);
        walk.Statement(statement);
        return walk.Findings;
    }

    /// <summary>Scans one statement given as JSON text.</summary>
    /// <param name="statementJson">The statement.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="JsonException">The text is not well-formed JSON.</exception>
    public IReadOnlyList<PersonalDataFinding> Scan(string statementJson)
    {
        ArgumentNullException.ThrowIfNull(statementJson);
        using var document = JsonDocument.Parse(statementJson);
        return Scan(document.RootElement);
    }

    /// <summary>Returns whether text contains something shaped like an e-mail address (local@domain.tld).</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when an address is found.</returns>
    public static bool ContainsEmailAddress(ReadOnlySpan<char> text)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf('@');
            if (at < 0)
            {
                return false;
            }

            at += from;
            var local = 0;
            for (var i = at - 1; i >= 0 && IsLocal(text[i]); i--)
            {
                local++;
            }

            var labels = 0;
            var lastLabelAlpha = false;
            var j = at + 1;
            while (j < text.Length)
            {
                var labelStart = j;
                var alpha = true;
                while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '-'))
                {
                    alpha &= char.IsAsciiLetter(text[j]);
                    j++;
                }

                if (j == labelStart)
                {
                    break;
                }

                labels++;
                lastLabelAlpha = alpha && j - labelStart >= 2;
                if (j + 1 < text.Length && text[j] == '.' && char.IsAsciiLetterOrDigit(text[j + 1]))
                {
                    j++;
                    continue;
                }

                break;
            }

            if (local > 0 && labels >= 2 && lastLabelAlpha)
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private sealed class Walk
    {
        private readonly JsonPathBuilder _path = new();
        private readonly bool _searchStrings;

        public Walk(bool searchStrings) => _searchStrings = searchStrings;

        public List<PersonalDataFinding> Findings { get; } = [];

        public void Statement(JsonElement statement)
        {
            if (statement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in statement.EnumerateObject())
            {
                _path.PushName(property.Name);
                var value = property.Value;
                switch (property.Name)
                {
                    case "actor" or "authority":
                        Actor(value);
                        break;
                    case "object":
                        StatementObject(value);
                        break;
                    case "result":
                        Result(value);
                        break;
                    case "context":
                        Context(value);
                        break;
                    case "attachments" when value.ValueKind == JsonValueKind.Array:
                        var index = 0;
                        foreach (var attachment in value.EnumerateArray())
                        {
                            _path.PushIndex(index++);
                            Add(XapiRules.PersonalAttachment, DataCategory.LearnerContent, "The attachment's content is not rewritten; check it for personal data (a signature breaks on rewrite).");
                            Strings(attachment);
                            _path.Pop();
                        }

                        break;
                    default:
                        Strings(value);
                        break;
                }

                _path.Pop();
            }
        }

        private void StatementObject(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("objectType"u8, out var type) && type.ValueKind == JsonValueKind.String)
            {
                if (type.ValueEquals("Agent"u8) || type.ValueEquals("Group"u8))
                {
                    Actor(value);
                    return;
                }

                if (type.ValueEquals("SubStatement"u8))
                {
                    Statement(value);
                    return;
                }
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in value.EnumerateObject())
                {
                    _path.PushName(property.Name);
                    if (property.NameEquals("definition"u8) && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var part in property.Value.EnumerateObject())
                        {
                            _path.PushName(part.Name);
                            if (part.NameEquals("extensions"u8))
                            {
                                Extensions(part.Value);
                            }
                            else
                            {
                                Strings(part.Value);
                            }

                            _path.Pop();
                        }
                    }
                    else
                    {
                        Strings(property.Value);
                    }

                    _path.Pop();
                }
            }
        }

        private void Actor(JsonElement actor)
        {
            if (actor.ValueKind != JsonValueKind.Object)
            {
                Strings(actor);
                return;
            }

            foreach (var property in actor.EnumerateObject())
            {
                _path.PushName(property.Name);
                switch (property.Name)
                {
                    case "mbox":
                        Add(XapiRules.PersonalMbox, DataCategory.DirectIdentifier, "An e-mail address identifies the person; replace it by a keyed account.");
                        break;
                    case "mbox_sha1sum":
                        Add(XapiRules.PersonalMboxSha1Sum, DataCategory.PseudonymousIdentifier, "An unkeyed mbox_sha1sum can be reversed with a list of addresses.");
                        break;
                    case "openid":
                        Add(XapiRules.PersonalOpenId, DataCategory.DirectIdentifier, "An OpenID URL identifies the person across services.");
                        break;
                    case "account":
                        Add(XapiRules.PersonalAccount, DataCategory.PseudonymousIdentifier, "An account name links to the person for whoever holds the account system or pseudonym map.");
                        break;
                    case "name":
                        Add(XapiRules.PersonalName, DataCategory.DirectIdentifier, "The name is not needed to identify the actor; drop it.");
                        break;
                    case "member" when property.Value.ValueKind == JsonValueKind.Array:
                        var index = 0;
                        foreach (var member in property.Value.EnumerateArray())
                        {
                            _path.PushIndex(index++);
                            Actor(member);
                            _path.Pop();
                        }

                        break;
                    default:
                        Strings(property.Value);
                        break;
                }

                _path.Pop();
            }
        }

        private void Result(JsonElement result)
        {
            if (result.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in result.EnumerateObject())
            {
                _path.PushName(property.Name);
                if (property.NameEquals("response"u8) && property.Value.ValueKind == JsonValueKind.String)
                {
                    Add(XapiRules.PersonalFreeText, DataCategory.LearnerContent, "The response is what the learner wrote and may contain anything.");
                    Strings(property.Value);
                }
                else if (property.NameEquals("extensions"u8))
                {
                    Extensions(property.Value);
                }
                else
                {
                    Strings(property.Value);
                }

                _path.Pop();
            }
        }

        private void Context(JsonElement context)
        {
            if (context.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in context.EnumerateObject())
            {
                _path.PushName(property.Name);
                var value = property.Value;
                switch (property.Name)
                {
                    case "instructor" or "team":
                        Actor(value);
                        break;
                    case "registration":
                        Add(XapiRules.PersonalRegistration, DataCategory.QuasiIdentifier, "The registration links every statement of one attempt.");
                        break;
                    case "extensions":
                        Extensions(value);
                        break;
                    case "contextAgents" or "contextGroups" when value.ValueKind == JsonValueKind.Array:
                        var index = 0;
                        foreach (var entry in value.EnumerateArray())
                        {
                            _path.PushIndex(index++);
                            if (entry.ValueKind == JsonValueKind.Object)
                            {
                                foreach (var part in entry.EnumerateObject())
                                {
                                    _path.PushName(part.Name);
                                    if (part.NameEquals("agent"u8) || part.NameEquals("group"u8))
                                    {
                                        Actor(part.Value);
                                    }

                                    _path.Pop();
                                }
                            }

                            _path.Pop();
                        }

                        break;
                    default:
                        Strings(value);
                        break;
                }

                _path.Pop();
            }
        }

        private void Extensions(JsonElement extensions)
        {
            if (extensions.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var extension in extensions.EnumerateObject())
            {
                _path.PushName(extension.Name);
                Add(XapiRules.PersonalExtension, DataCategory.QuasiIdentifier, "Extension values are free-form; check what this one holds.");
                Strings(extension.Value);
                _path.Pop();
            }
        }

        private void Strings(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    if (_searchStrings && ContainsEmailAddress(value.GetString()))
                    {
                        Add(XapiRules.PersonalEmailInText, DataCategory.DirectIdentifier, "This string contains an e-mail address.");
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        _path.PushName(property.Name);
                        Strings(property.Value);
                        _path.Pop();
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        _path.PushIndex(index++);
                        Strings(item);
                        _path.Pop();
                    }

                    break;
            }
        }

        private void Add(RuleDescriptor rule, DataCategory category, string message) =>
            Findings.Add(new PersonalDataFinding(rule.At(_path.ToString(), message), category));
    }
}
