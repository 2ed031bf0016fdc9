using System.Text.Json;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Xapi.Validation;

/// <summary>Where an actor sits in a statement; some rules depend on it.</summary>
internal enum ActorPosition
{
    Actor,
    Object,
    Instructor,
    Team,
    Authority,
    Member,
    ContextAgent,
    ContextGroup,
}

/// <summary>One validation pass over one statement: collects findings in document order with their paths.</summary>
internal sealed class StatementWalker
{
    internal const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

    private static readonly ObjectShape StatementShape = new("id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments", "objectType");
    private static readonly ObjectShape ActorShape = new("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member");
    private static readonly ObjectShape AccountShape = new("homePage", "name");
    private static readonly ObjectShape VerbShape = new("id", "display");
    private static readonly ObjectShape ActivityShape = new("objectType", "id", "definition");
    private static readonly ObjectShape DefinitionShape = new("name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static readonly ObjectShape ComponentShape = new("id", "description");
    private static readonly ObjectShape StatementRefShape = new("objectType", "id");
    private static readonly ObjectShape ResultShape = new("score", "success", "completion", "response", "duration", "extensions");
    private static readonly ObjectShape ScoreShape = new("scaled", "raw", "min", "max");
    private static readonly ObjectShape ContextShape = new("registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
    private static readonly ObjectShape ContextActivitiesShape = new("parent", "grouping", "category", "other");
    private static readonly ObjectShape AttachmentShape = new("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");
    private static readonly ObjectShape ContextAgentShape = new("objectType", "agent", "relevantTypes");
    private static readonly ObjectShape ContextGroupShape = new("objectType", "group", "relevantTypes");

    private static readonly string[] InteractionTypes = ["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"];
    private static readonly byte[][] InteractionTypesUtf8 = [.. InteractionTypes.Select(System.Text.Encoding.UTF8.GetBytes)];

    [ThreadStatic]
    private static StatementWalker? t_cached;

    private readonly JsonPathBuilder _path;
    private XapiVersion _version;
    private List<Finding>? _findings;

    public StatementWalker(XapiVersion version, string root)
    {
        _version = version;
        _path = new JsonPathBuilder(root);
    }

    /// <summary>Takes this thread's cached walker rooted at <c>$</c> (or a new one) in a fresh state.</summary>
    public static StatementWalker Rent(XapiVersion version)
    {
        var walker = t_cached;
        if (walker is null)
        {
            return new StatementWalker(version, "$");
        }

        t_cached = null;
        walker._version = version;
        walker._findings = null; // a report handed out keeps its own list
        walker._path.Clear();
        return walker;
    }

    /// <summary>Gives a walker from <see cref="Rent"/> back after its report was taken; not called if the walk threw.</summary>
    public static void Return(StatementWalker walker) => t_cached = walker;

    public bool HasErrors => _findings?.Exists(f => f.IsError) == true;

    public ValidationReport ToReport() => _findings is null ? ValidationReport.Empty : new ValidationReport(_findings);

    public void Statement(JsonElement statement) => Statement(statement, subStatement: false);

    public void Actor(JsonElement actor, ActorPosition position)
    {
        if (!RequireObject(actor, "An actor must be a JSON object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(actor, ActorShape, ref slots);
        var isGroup = false;
        if (Has(present, 0))
        {
            Enter(ActorShape, 0);
            if (RequireString(slots[0]))
            {
                if (slots[0].ValueEquals("Group"u8))
                {
                    isGroup = true;
                }
                else if (!slots[0].ValueEquals("Agent"u8))
                {
                    Report(XapiRules.ObjectTypeInvalid, "objectType of an actor must be exactly 'Agent' or 'Group'.");
                }
            }

            Leave();
        }

        switch (position)
        {
            case ActorPosition.Team when !isGroup:
                Report(XapiRules.ContextTeamNotGroup, "context.team must be a Group (objectType 'Group').");
                break;
            case ActorPosition.Member when isGroup:
                Report(XapiRules.GroupMemberGroup, "A Group member must be an Agent, not a Group.");
                return;
            case ActorPosition.ContextAgent when isGroup:
                Report(XapiRules.ObjectTypeInvalid, "contextAgents[].agent must be an Agent.");
                break;
            case ActorPosition.ContextGroup when !isGroup:
                Report(XapiRules.ObjectTypeInvalid, "contextGroups[].group must be a Group (objectType 'Group').");
                break;
        }

        if (Has(present, 1))
        {
            Enter(ActorShape, 1);
            RequireString(slots[1]);
            Leave();
        }

        var ifiCount = 0;
        for (var i = 2; i <= 5; i++)
        {
            if (Has(present, i))
            {
                ifiCount++;
                Enter(ActorShape, i);
                Ifi(i, slots[i]);
                Leave();
            }
        }

        if (!isGroup)
        {
            if (Has(present, 6))
            {
                Enter(ActorShape, 6);
                Report(XapiRules.PropertyUnknown, "Only Groups have members; an actor without objectType 'Group' is an Agent.");
                Leave();
            }

            if (ifiCount == 0)
            {
                Report(XapiRules.AgentIfiMissing, "The Agent has no inverse functional identifier.");
            }
            else if (ifiCount > 1)
            {
                Report(XapiRules.AgentIfiMultiple, "The Agent has more than one inverse functional identifier; keep exactly one.");
            }

            return;
        }

        if (ifiCount > 1)
        {
            Report(XapiRules.GroupIfiMultiple, "The Group has more than one inverse functional identifier; keep exactly one.");
        }

        var memberCount = 0;
        if (Has(present, 6))
        {
            Enter(ActorShape, 6);
            if (RequireArray(slots[6]))
            {
                foreach (var member in slots[6].EnumerateArray())
                {
                    _path.PushIndex(memberCount++);
                    Actor(member, ActorPosition.Member);
                    _path.Pop();
                }
            }

            Leave();
        }

        if (ifiCount == 0 && memberCount == 0)
        {
            Report(XapiRules.GroupMemberRequired, "An anonymous Group (no identifier) must list at least one member.");
        }

        if (position == ActorPosition.Authority && (ifiCount > 0 || memberCount != 2))
        {
            Report(XapiRules.AuthorityGroup, "A Group authority must be anonymous with exactly two Agents.");
        }
    }

    private void Ifi(int slot, JsonElement value)
    {
        switch (slot)
        {
            case 2:
                switch (Check(value, TextKind.Mbox))
                {
                    case 3:
                        Report(XapiRules.MboxWhitespace, "The mbox starts or ends with whitespace.");
                        break;
                    case 1:
                        Report(XapiRules.MboxInvalid, "The mbox is not 'mailto:' followed by an e-mail address.");
                        break;
                }

                break;
            case 3:
                if (Check(value, TextKind.Sha1) == 1)
                {
                    Report(XapiRules.MboxSha1SumInvalid, "mbox_sha1sum is not 40 hex digits.");
                }

                break;
            case 4:
                if (Check(value, TextKind.Iri) == 1)
                {
                    Report(XapiRules.OpenIdInvalid, "openid is not an absolute URI.");
                }

                break;
            default:
                Account(value);
                break;
        }
    }

    private void Account(JsonElement account)
    {
        if (!RequireObject(account, "account must be an object with homePage and name."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(account, AccountShape, ref slots);
        if (Require(present, 0, AccountShape))
        {
            Enter(AccountShape, 0);
            Irl(slots[0]);
            Leave();
        }

        if (Require(present, 1, AccountShape))
        {
            Enter(AccountShape, 1);
            RequireString(slots[1]);
            Leave();
        }
    }

    private void Statement(JsonElement statement, bool subStatement)
    {
        if (!RequireObject(statement, subStatement ? "A SubStatement must be a JSON object." : "A statement must be a JSON object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(statement, StatementShape, ref slots);

        // 0 id
        if (Has(present, 0))
        {
            Enter(StatementShape, 0);
            if (subStatement)
            {
                Report(XapiRules.SubStatementForbidden, "A SubStatement must not have an id.");
            }
            else
            {
                Uuid(slots[0]);
            }

            Leave();
        }

        // 1 actor
        if (Require(present, 1, StatementShape))
        {
            Enter(StatementShape, 1);
            Actor(slots[1], ActorPosition.Actor);
            Leave();
        }

        // 2 verb
        string? verbId = null;
        if (Require(present, 2, StatementShape))
        {
            Enter(StatementShape, 2);
            verbId = Verb(slots[2]);
            Leave();
        }

        // 3 object
        var objectKind = ObjectKind.Activity;
        if (Require(present, 3, StatementShape))
        {
            Enter(StatementShape, 3);
            objectKind = StatementObject(slots[3], subStatement);
            Leave();
        }

        if (!subStatement && verbId == VoidedVerb && Has(present, 3) && objectKind != ObjectKind.StatementRef)
        {
            _path.Push(StatementShape.Segments[3]);
            Report(XapiRules.VoidingObject, "A voiding statement's object must be a StatementRef to the voided statement.");
            _path.Pop();
        }

        // 4 result
        if (Has(present, 4))
        {
            Enter(StatementShape, 4);
            Result(slots[4]);
            Leave();
        }

        // 5 context
        if (Has(present, 5))
        {
            Enter(StatementShape, 5);
            Context(slots[5], objectKind == ObjectKind.Activity || !Has(present, 3));
            Leave();
        }

        // 6 timestamp, 7 stored
        for (var i = 6; i <= 7; i++)
        {
            if (Has(present, i))
            {
                Enter(StatementShape, i);
                if (subStatement && i == 7)
                {
                    Report(XapiRules.SubStatementForbidden, "A SubStatement must not have stored.");
                }
                else
                {
                    Timestamp(slots[i]);
                }

                Leave();
            }
        }

        // 8 authority
        if (Has(present, 8))
        {
            Enter(StatementShape, 8);
            if (subStatement)
            {
                Report(XapiRules.SubStatementForbidden, "A SubStatement must not have an authority.");
            }
            else
            {
                Actor(slots[8], ActorPosition.Authority);
            }

            Leave();
        }

        // 9 version
        if (Has(present, 9))
        {
            Enter(StatementShape, 9);
            if (subStatement)
            {
                Report(XapiRules.SubStatementForbidden, "A SubStatement must not have a version.");
            }
            else
            {
                Version(slots[9]);
            }

            Leave();
        }

        // 10 attachments
        if (Has(present, 10))
        {
            Enter(StatementShape, 10);
            Attachments(slots[10]);
            Leave();
        }

        // 11 objectType: only a SubStatement carries one (and it was checked by the caller).
        if (Has(present, 11) && !subStatement)
        {
            Enter(StatementShape, 11);
            Report(XapiRules.PropertyUnknown, "A statement has no objectType property (only a SubStatement does).");
            Leave();
        }
    }

    private string? Verb(JsonElement verb)
    {
        if (!RequireObject(verb, "verb must be an object with an id."))
        {
            return null;
        }

        var slots = default(PropertySlots);
        var present = Collect(verb, VerbShape, ref slots);
        string? id = null;
        if (Require(present, 0, VerbShape))
        {
            Enter(VerbShape, 0);
            if (Iri(slots[0]))
            {
                id = slots[0].GetString();
            }

            Leave();
        }

        if (Has(present, 1))
        {
            Enter(VerbShape, 1);
            LanguageMap(slots[1]);
            Leave();
        }

        return id;
    }

    private enum ObjectKind
    {
        Activity,
        Actor,
        StatementRef,
        SubStatement,
        Invalid,
    }

    private ObjectKind StatementObject(JsonElement value, bool inSubStatement)
    {
        if (!RequireObject(value, "object must be a JSON object."))
        {
            return ObjectKind.Invalid;
        }

        string? objectType = null;
        if (value.TryGetProperty("objectType"u8, out var typeElement) && typeElement.ValueKind == JsonValueKind.String)
        {
            objectType = typeElement.ValueEquals("Activity"u8) ? "Activity"
                : typeElement.ValueEquals("Agent"u8) ? "Agent"
                : typeElement.ValueEquals("Group"u8) ? "Group"
                : typeElement.ValueEquals("StatementRef"u8) ? "StatementRef"
                : typeElement.ValueEquals("SubStatement"u8) ? "SubStatement"
                : string.Empty;
        }

        switch (objectType)
        {
            case null or "Activity":
                Activity(value);
                return ObjectKind.Activity;
            case "Agent":
                Actor(value, ActorPosition.Object);
                return ObjectKind.Actor;
            case "Group":
                Actor(value, ActorPosition.Object);
                return ObjectKind.Actor;
            case "StatementRef":
                StatementRef(value);
                return ObjectKind.StatementRef;
            case "SubStatement" when inSubStatement:
                Report(XapiRules.SubStatementNested, "A SubStatement must not contain a SubStatement.");
                return ObjectKind.SubStatement;
            case "SubStatement":
                Statement(value, subStatement: true);
                return ObjectKind.SubStatement;
            default:
                _path.Push(".objectType");
                Report(XapiRules.ObjectTypeInvalid, "object.objectType must be exactly Activity, Agent, Group, StatementRef or SubStatement.");
                _path.Pop();
                return ObjectKind.Invalid;
        }
    }

    private void Activity(JsonElement activity)
    {
        if (!RequireObject(activity, "An Activity must be a JSON object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(activity, ActivityShape, ref slots);
        if (Has(present, 0))
        {
            Enter(ActivityShape, 0);
            if (RequireString(slots[0]) && !slots[0].ValueEquals("Activity"u8))
            {
                Report(XapiRules.ObjectTypeInvalid, "objectType of an Activity must be exactly 'Activity'.");
            }

            Leave();
        }

        if (Require(present, 1, ActivityShape))
        {
            Enter(ActivityShape, 1);
            Iri(slots[1]);
            Leave();
        }

        if (Has(present, 2))
        {
            Enter(ActivityShape, 2);
            Definition(slots[2]);
            Leave();
        }
    }

    private void Definition(JsonElement definition)
    {
        if (!RequireObject(definition, "definition must be an object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(definition, DefinitionShape, ref slots);
        for (var i = 0; i <= 1; i++)
        {
            if (Has(present, i))
            {
                Enter(DefinitionShape, i);
                LanguageMap(slots[i]);
                Leave();
            }
        }

        if (Has(present, 2))
        {
            Enter(DefinitionShape, 2);
            Iri(slots[2]);
            Leave();
        }

        if (Has(present, 3))
        {
            Enter(DefinitionShape, 3);
            Irl(slots[3]);
            Leave();
        }

        if (Has(present, 4))
        {
            Enter(DefinitionShape, 4);
            Extensions(slots[4]);
            Leave();
        }

        string? interactionType = null;
        if (Has(present, 5))
        {
            Enter(DefinitionShape, 5);
            if (RequireString(slots[5]))
            {
                var typeIndex = InteractionTypeIndex(slots[5]);
                if (typeIndex < 0)
                {
                    Report(XapiRules.InteractionTypeInvalid, "interactionType is not one of the ten values of the spec (case matters).");
                }
                else
                {
                    interactionType = InteractionTypes[typeIndex];
                }
            }

            Leave();
        }

        if (Has(present, 6))
        {
            Enter(DefinitionShape, 6);
            if (RequireArray(slots[6]))
            {
                var index = 0;
                foreach (var pattern in slots[6].EnumerateArray())
                {
                    _path.PushIndex(index++);
                    RequireString(pattern);
                    _path.Pop();
                }
            }

            Leave();
        }

        // 7 choices, 8 scale, 9 source, 10 target, 11 steps
        for (var i = 7; i <= 11; i++)
        {
            if (!Has(present, i))
            {
                continue;
            }

            Enter(DefinitionShape, i);
            var allowed = i switch
            {
                7 => interactionType is "choice" or "sequencing",
                8 => interactionType is "likert",
                9 or 10 => interactionType is "matching",
                _ => interactionType is "performance",
            };
            if (!allowed)
            {
                Report(XapiRules.InteractionComponent, "This interaction component list does not belong to the activity's interactionType.");
            }

            if (RequireArray(slots[i]))
            {
                var index = 0;
                foreach (var component in slots[i].EnumerateArray())
                {
                    _path.PushIndex(index++);
                    InteractionComponent(component);
                    _path.Pop();
                }
            }

            Leave();
        }
    }

    private void InteractionComponent(JsonElement component)
    {
        if (!RequireObject(component, "An interaction component must be an object with an id."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(component, ComponentShape, ref slots);
        if (Require(present, 0, ComponentShape))
        {
            Enter(ComponentShape, 0);
            RequireString(slots[0]);
            Leave();
        }

        if (Has(present, 1))
        {
            Enter(ComponentShape, 1);
            LanguageMap(slots[1]);
            Leave();
        }
    }

    private void StatementRef(JsonElement reference)
    {
        if (!RequireObject(reference, "A StatementRef must be an object with objectType and id."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(reference, StatementRefShape, ref slots);
        if (Require(present, 0, StatementRefShape))
        {
            Enter(StatementRefShape, 0);
            if (RequireString(slots[0]) && !slots[0].ValueEquals("StatementRef"u8))
            {
                Report(XapiRules.ObjectTypeInvalid, "objectType of a statement reference must be exactly 'StatementRef'.");
            }

            Leave();
        }

        if (Require(present, 1, StatementRefShape))
        {
            Enter(StatementRefShape, 1);
            Uuid(slots[1]);
            Leave();
        }
    }

    private void Result(JsonElement result)
    {
        if (!RequireObject(result, "result must be an object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(result, ResultShape, ref slots);
        if (Has(present, 0))
        {
            Enter(ResultShape, 0);
            Score(slots[0]);
            Leave();
        }

        for (var i = 1; i <= 2; i++)
        {
            if (Has(present, i))
            {
                Enter(ResultShape, i);
                if (slots[i].ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Report(XapiRules.PropertyType, "This property must be a JSON boolean (true or false).");
                }

                Leave();
            }
        }

        if (Has(present, 3))
        {
            Enter(ResultShape, 3);
            RequireString(slots[3]);
            Leave();
        }

        if (Has(present, 4))
        {
            Enter(ResultShape, 4);
            if (Check(slots[4], TextKind.Duration) == 1)
            {
                Report(XapiRules.DurationInvalid, "duration is not an ISO 8601 duration.");
            }

            Leave();
        }

        if (Has(present, 5))
        {
            Enter(ResultShape, 5);
            Extensions(slots[5]);
            Leave();
        }
    }

    private void Score(JsonElement score)
    {
        if (!RequireObject(score, "score must be an object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(score, ScoreShape, ref slots);
        Span<double> values = stackalloc double[4];
        Span<bool> known = stackalloc bool[4];
        for (var i = 0; i < 4; i++)
        {
            if (Has(present, i))
            {
                Enter(ScoreShape, i);
                if (slots[i].ValueKind != JsonValueKind.Number)
                {
                    Report(XapiRules.PropertyType, "Score values must be JSON numbers.");
                }
                else if (slots[i].TryGetDouble(out values[i]) && double.IsFinite(values[i]))
                {
                    known[i] = true;
                }

                Leave();
            }
        }

        if (known[0] && values[0] is < -1 or > 1)
        {
            _path.Push(".scaled");
            Report(XapiRules.ScoreScaled, "score.scaled is outside -1..1.");
            _path.Pop();
        }

        if (known[2] && known[3] && !(values[2] < values[3]))
        {
            _path.Push(".min");
            Report(XapiRules.ScoreMinMax, "score.min is not less than score.max.");
            _path.Pop();
        }

        if (known[1] && ((known[2] && values[1] < values[2]) || (known[3] && values[1] > values[3])))
        {
            _path.Push(".raw");
            Report(XapiRules.ScoreRaw, "score.raw is outside score.min..score.max.");
            _path.Pop();
        }
    }

    private void Context(JsonElement context, bool objectIsActivity)
    {
        if (!RequireObject(context, "context must be an object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(context, ContextShape, ref slots);
        if (Has(present, 0))
        {
            Enter(ContextShape, 0);
            Uuid(slots[0]);
            Leave();
        }

        if (Has(present, 1))
        {
            Enter(ContextShape, 1);
            Actor(slots[1], ActorPosition.Instructor);
            Leave();
        }

        if (Has(present, 2))
        {
            Enter(ContextShape, 2);
            Actor(slots[2], ActorPosition.Team);
            Leave();
        }

        if (Has(present, 3))
        {
            Enter(ContextShape, 3);
            ContextActivities(slots[3]);
            Leave();
        }

        for (var i = 4; i <= 5; i++)
        {
            if (Has(present, i))
            {
                Enter(ContextShape, i);
                RequireString(slots[i]);
                if (!objectIsActivity)
                {
                    Report(XapiRules.ContextActivityOnly, "context.revision and context.platform are allowed only when the object is an Activity.");
                }

                Leave();
            }
        }

        if (Has(present, 6))
        {
            Enter(ContextShape, 6);
            if (Check(slots[6], TextKind.LanguageTag) == 1)
            {
                Report(XapiRules.LanguageTagInvalid, "context.language is not an RFC 5646 language tag.");
            }

            Leave();
        }

        if (Has(present, 7))
        {
            Enter(ContextShape, 7);
            StatementRef(slots[7]);
            Leave();
        }

        if (Has(present, 8))
        {
            Enter(ContextShape, 8);
            Extensions(slots[8]);
            Leave();
        }

        for (var i = 9; i <= 10; i++)
        {
            if (!Has(present, i))
            {
                continue;
            }

            Enter(ContextShape, i);
            if (_version == XapiVersion.Version103)
            {
                Report(XapiRules.PropertyUnknown, "contextAgents and contextGroups exist only in xAPI 2.0; validate with version 2.0.0.");
            }
            else if (RequireArray(slots[i]))
            {
                var index = 0;
                foreach (var entry in slots[i].EnumerateArray())
                {
                    _path.PushIndex(index++);
                    ContextAgentEntry(entry, group: i == 10);
                    _path.Pop();
                }
            }

            Leave();
        }
    }

    private void ContextAgentEntry(JsonElement entry, bool group)
    {
        if (!RequireObject(entry, "Each entry must be an object."))
        {
            return;
        }

        var shape = group ? ContextGroupShape : ContextAgentShape;
        var slots = default(PropertySlots);
        var present = Collect(entry, shape, ref slots);
        if (Require(present, 0, shape))
        {
            Enter(shape, 0);
            if (RequireString(slots[0]) && !slots[0].ValueEquals(group ? "contextGroup"u8 : "contextAgent"u8))
            {
                Report(XapiRules.ObjectTypeInvalid, group ? "objectType must be exactly 'contextGroup'." : "objectType must be exactly 'contextAgent'.");
            }

            Leave();
        }

        if (Require(present, 1, shape))
        {
            Enter(shape, 1);
            Actor(slots[1], group ? ActorPosition.ContextGroup : ActorPosition.ContextAgent);
            Leave();
        }

        if (Has(present, 2))
        {
            Enter(shape, 2);
            if (slots[2].ValueKind != JsonValueKind.Array || slots[2].GetArrayLength() == 0)
            {
                Report(XapiRules.ContextAgentRelevantTypes, "relevantTypes must be a non-empty array of IRIs.");
            }
            else
            {
                var index = 0;
                foreach (var type in slots[2].EnumerateArray())
                {
                    _path.PushIndex(index++);
                    if (type.ValueKind != JsonValueKind.String || !XapiFormats.IsIri(type.GetString()))
                    {
                        Report(XapiRules.ContextAgentRelevantTypes, "Each relevant type must be an IRI.");
                    }

                    _path.Pop();
                }
            }

            Leave();
        }
    }

    private void ContextActivities(JsonElement activities)
    {
        if (!RequireObject(activities, "contextActivities must be an object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(activities, ContextActivitiesShape, ref slots);
        for (var i = 0; i < 4; i++)
        {
            if (!Has(present, i))
            {
                continue;
            }

            Enter(ContextActivitiesShape, i);
            if (slots[i].ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var activity in slots[i].EnumerateArray())
                {
                    _path.PushIndex(index++);
                    Activity(activity);
                    _path.Pop();
                }
            }
            else
            {
                // A single Activity is accepted (and returned as an array by an LRS).
                Activity(slots[i]);
            }

            Leave();
        }
    }

    private void Attachments(JsonElement attachments)
    {
        if (!RequireArray(attachments))
        {
            return;
        }

        var index = 0;
        foreach (var attachment in attachments.EnumerateArray())
        {
            _path.PushIndex(index++);
            Attachment(attachment);
            _path.Pop();
        }
    }

    private void Attachment(JsonElement attachment)
    {
        if (!RequireObject(attachment, "An attachment must be an object."))
        {
            return;
        }

        var slots = default(PropertySlots);
        var present = Collect(attachment, AttachmentShape, ref slots);
        if (Require(present, 0, AttachmentShape))
        {
            Enter(AttachmentShape, 0);
            Iri(slots[0]);
            Leave();
        }

        if (Require(present, 1, AttachmentShape))
        {
            Enter(AttachmentShape, 1);
            LanguageMap(slots[1]);
            Leave();
        }

        if (Has(present, 2))
        {
            Enter(AttachmentShape, 2);
            LanguageMap(slots[2]);
            Leave();
        }

        if (Require(present, 3, AttachmentShape))
        {
            Enter(AttachmentShape, 3);
            RequireString(slots[3]);
            Leave();
        }

        if (Require(present, 4, AttachmentShape))
        {
            Enter(AttachmentShape, 4);
            if (slots[4].ValueKind != JsonValueKind.Number || !slots[4].TryGetInt64(out var length) || length < 0)
            {
                Report(XapiRules.PropertyType, "length must be a non-negative JSON integer.");
            }

            Leave();
        }

        if (Require(present, 5, AttachmentShape))
        {
            Enter(AttachmentShape, 5);
            RequireString(slots[5]);
            Leave();
        }

        if (Has(present, 6))
        {
            Enter(AttachmentShape, 6);
            Irl(slots[6]);
            Leave();
        }
    }

    /// <summary>The index in <see cref="InteractionTypes"/> of a string value (ValueEquals unescapes; no string allocated), or -1.</summary>
    private static int InteractionTypeIndex(JsonElement value)
    {
        for (var i = 0; i < InteractionTypesUtf8.Length; i++)
        {
            if (value.ValueEquals(InteractionTypesUtf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private void Version(JsonElement version)
    {
        if (version.ValueKind == JsonValueKind.String && version.ValueEquals("1.0.3"u8))
        {
            return; // the usual value, valid under both versions; skips allocating the string
        }

        if (!String(version, out var text))
        {
            return;
        }

        var ok = IsVersion1(text) || (_version == XapiVersion.Version200 && text == "2.0.0");
        if (!ok)
        {
            Report(XapiRules.VersionInvalid, _version == XapiVersion.Version103
                ? "version must be 1.0 or 1.0.x under xAPI 1.0.3."
                : "version must be 1.0, 1.0.x or 2.0.0 under xAPI 2.0.");
        }
    }

    private static bool IsVersion1(string text)
    {
        if (text == "1.0")
        {
            return true;
        }

        if (!text.StartsWith("1.0.", StringComparison.Ordinal) || text.Length == 4)
        {
            return false;
        }

        foreach (var c in text.AsSpan(4))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private void Timestamp(JsonElement value)
    {
        switch (Check(value, TextKind.Timestamp))
        {
            case 1:
                Report(XapiRules.TimestampInvalid, "The timestamp is not an ISO 8601 date and time.");
                break;
            case 2:
                Report(XapiRules.TimestampNegativeZero, "The timestamp uses a negative zero offset (-00, -0000 or -00:00); use Z or +00:00.");
                break;
        }
    }

    private void Uuid(JsonElement value)
    {
        if (Check(value, TextKind.Uuid) == 1)
        {
            Report(XapiRules.UuidInvalid, "The value is not a UUID in 8-4-4-4-12 hex form.");
        }
    }

    private bool Iri(JsonElement value)
    {
        var result = Check(value, TextKind.Iri);
        if (result == 1)
        {
            Report(XapiRules.IriInvalid, "The value is not an absolute IRI with a scheme.");
        }

        return result == 0;
    }

    private void Irl(JsonElement value)
    {
        if (Check(value, TextKind.Iri) == 1)
        {
            Report(XapiRules.IrlInvalid, "The value is not an IRL (an absolute IRI with a scheme).");
        }
    }

    private enum TextKind
    {
        Uuid,
        Iri,
        Timestamp,
        LanguageTag,
        Mbox,
        Sha1,
        Duration,
    }

    /// <summary>
    /// Checks a string value without allocating: -1 not a string (reported), 0 valid, 1 invalid, 2 negative zero offset
    /// (timestamps), 3 leading or trailing whitespace (mbox).
    /// </summary>
    private int Check(JsonElement value, TextKind kind)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Report(XapiRules.PropertyType, "This property must be a JSON string.");
            return -1;
        }

        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        raw = raw[1..^1];
        if (raw.Length > 256 || raw.Contains((byte)'\\'))
        {
            return Run(kind, value.GetString());
        }

        Span<char> buffer = stackalloc char[256];
        var length = System.Text.Encoding.UTF8.GetChars(raw, buffer);
        return Run(kind, buffer[..length]);
    }

    private static int Run(TextKind kind, ReadOnlySpan<char> text) => kind switch
    {
        TextKind.Uuid => XapiFormats.IsUuid(text) ? 0 : 1,
        TextKind.Iri => XapiFormats.IsIri(text) ? 0 : 1,
        TextKind.LanguageTag => XapiFormats.IsLanguageTag(text) ? 0 : 1,
        TextKind.Mbox => XapiFormats.HasOuterWhitespace(text) ? 3 : XapiFormats.IsMbox(text) ? 0 : 1,
        TextKind.Sha1 => XapiFormats.IsSha1Hex(text) ? 0 : 1,
        TextKind.Duration => XapiFormats.IsDuration(text) ? 0 : 1,
        _ => XapiFormats.CheckTimestamp(text) switch
        {
            XapiFormats.TimestampCheck.Valid => 0,
            XapiFormats.TimestampCheck.Invalid => 1,
            _ => 2,
        },
    };

    private void LanguageMap(JsonElement map)
    {
        if (!RequireObject(map, "A language map must be an object of language tag to string."))
        {
            return;
        }

        var entries = 0;
        foreach (var entry in map.EnumerateObject())
        {
            entries++;
            var tagOk = IsLanguageTagName(entry);
            var kind = entry.Value.ValueKind;
            if (tagOk && kind == JsonValueKind.String)
            {
                continue;
            }

            _path.PushName(entry.Name);
            if (!tagOk)
            {
                Report(XapiRules.LanguageMapTag, "The key is not an RFC 5646 language tag.");
            }

            if (kind == JsonValueKind.Null)
            {
                Report(XapiRules.PropertyNull, "Language-map values must be strings, not null.");
            }
            else if (kind != JsonValueKind.String)
            {
                Report(XapiRules.PropertyType, "Language-map values must be strings.");
            }

            _path.Pop();
        }

        if (entries == 0)
        {
            Report(XapiRules.LanguageMapEmpty, "The language map has no entry; omit it or give at least one.");
        }
    }

    private static bool IsLanguageTagName(JsonProperty entry)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(entry);
        if (raw.Length > 128 || raw.Contains((byte)'\\'))
        {
            return XapiFormats.IsLanguageTag(entry.Name);
        }

        Span<char> buffer = stackalloc char[128];
        var length = System.Text.Encoding.UTF8.GetChars(raw, buffer);
        return XapiFormats.IsLanguageTag(buffer[..length]);
    }

    private void Extensions(JsonElement extensions)
    {
        if (!RequireObject(extensions, "extensions must be an object keyed by IRIs."))
        {
            return;
        }

        foreach (var extension in extensions.EnumerateObject())
        {
            if (!XapiFormats.IsIri(extension.Name))
            {
                _path.PushName(extension.Name);
                Report(XapiRules.IriInvalid, "Extension keys must be IRIs.");
                _path.Pop();
            }

            // Values are free-form (Data 4.1.s3.b2): never validated, and null is allowed.
        }
    }

    private int Collect(JsonElement value, ObjectShape shape, ref PropertySlots slots)
    {
        var present = 0;
        var seen = 0;
        foreach (var property in value.EnumerateObject())
        {
            var index = shape.IndexOf(property);
            if (index < 0)
            {
                _path.PushName(property.Name);
                Report(XapiRules.PropertyUnknown, "This property is not defined here (keys are case-sensitive).");
                _path.Pop();
                continue;
            }

            var bit = 1 << index;
            if ((seen & bit) != 0)
            {
                _path.Push(shape.Segments[index]);
                Report(XapiRules.JsonDuplicateKey, "This key appears more than once in the object.");
                _path.Pop();
                continue;
            }

            seen |= bit;
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                _path.Push(shape.Segments[index]);
                Report(XapiRules.PropertyNull, "Null is not allowed here; omit the property instead.");
                _path.Pop();
                continue;
            }

            present |= bit;
            slots[index] = property.Value;
        }

        return present;
    }

    private static bool Has(int present, int index) => (present & (1 << index)) != 0;

    private bool Require(int present, int index, ObjectShape shape)
    {
        if (Has(present, index))
        {
            return true;
        }

        _path.Push(shape.Segments[index]);
        Report(XapiRules.PropertyRequired, "This required property is missing.");
        _path.Pop();
        return false;
    }

    private bool String(JsonElement value, out string text)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString()!;
            return true;
        }

        text = string.Empty;
        Report(XapiRules.PropertyType, "This property must be a JSON string.");
        return false;
    }

    private bool RequireString(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return true;
        }

        Report(XapiRules.PropertyType, "This property must be a JSON string.");
        return false;
    }

    private bool RequireObject(JsonElement value, string message)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Report(XapiRules.PropertyType, message);
        return false;
    }

    private bool RequireArray(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        Report(XapiRules.PropertyType, "This property must be a JSON array.");
        return false;
    }

    private void Enter(ObjectShape shape, int index) => _path.Push(shape.Segments[index]);

    private void Leave() => _path.Pop();

    private void Report(RuleDescriptor rule, string message) => (_findings ??= []).Add(rule.At(_path.ToString(), message));
}
