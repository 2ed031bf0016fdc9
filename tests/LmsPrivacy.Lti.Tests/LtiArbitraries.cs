using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Tests;

/// <summary>A generated launch: random identity claims, custom parameters, third-party claims and vendor extensions.</summary>
public sealed record LaunchCase(string Json, IReadOnlyList<string> Identifiers)
{
    public JsonElement Payload => JsonDocument.Parse(Json).RootElement.Clone();

    public override string ToString() => Json;
}

/// <summary>A set of data categories a purpose keeps.</summary>
public sealed record KeepSet(IReadOnlyList<DataCategory> Categories)
{
    public override string ToString() => string.Join(",", Categories);
}

/// <summary>FsCheck generators for LTI launches.</summary>
public static class LtiArbitraries
{
    private const string L = Launches.L;

    public static Arbitrary<LaunchCase> Launch() => LaunchGen.ToArbitrary();

    public static Arbitrary<KeepSet> Keep() =>
        Gen.SubListOf(DataCategories.All.ToArray()).Select(list => new KeepSet([.. list])).ToArbitrary();

    private static Gen<string> Token(string prefix) =>
        Gen.ArrayOf(Gen.Elements("abcdefghijkmnpqrstuvwxyz23456789".ToCharArray()), 8).Select(chars => prefix + new string(chars));

    private static Gen<LaunchCase> LaunchGen =>
        from pic in Token("pic")
        from user in Token("usr")
        from given in Token("Gv")
        from family in Token("Fm")
        from local in Token("ml")
        from sub in Token("sub-")
        from sourced in Token("SIS")
        from mentee in Token("mentee-")
        from other in Token("Ot")
        from flags in Gen.ArrayOf(Gen.Elements(true, false), 12)
        from customKeys in Gen.SubListOf(new[] { "email", "tutor", "course_term", "user_name", "sis_id", "section", "login_email", "uid", "display", "note" })
        from customKinds in Gen.ArrayOf(Gen.Choose(0, 5), 10)
        from order in Gen.Shuffle(Enumerable.Range(0, 40).ToArray())
        select Build(pic, user, given, family, $"{local}@example.org", sub, sourced, mentee, $"{other}@example.net", flags, customKeys, customKinds, order);

    private static LaunchCase Build(string pic, string user, string given, string family, string email, string sub, string sourced, string mentee, string otherEmail,
        bool[] flags, IList<string> customKeys, int[] customKinds, int[] order)
    {
        var identifiers = new List<string>();
        var claims = new List<KeyValuePair<string, JsonNode?>>
        {
            new("iss", "https://platform.example.com"),
            new("aud", "client-1"),
            new("exp", Launches.IssuedAt + 60),
            new("iat", Launches.IssuedAt),
            new("nonce", "n-1"),
            new(L + "message_type", "LtiResourceLinkRequest"),
            new(L + "version", "1.3.0"),
            new(L + "deployment_id", "dep-1"),
            new(L + "roles", new JsonArray("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")),
            new(L + "resource_link", new JsonObject { ["id"] = "rl-1", ["title"] = "Quiz" }),
            new(L + "launch_presentation", new JsonObject { ["locale"] = "en", ["document_target"] = "iframe" }),
        };
        if (flags[0])
        {
            claims.Add(new("sub", sub));
        }

        if (flags[1])
        {
            claims.Add(new("given_name", given));
            claims.Add(new("family_name", family));
            claims.Add(new("name", $"{given} {family}"));
            identifiers.AddRange([given, family]);
        }

        if (flags[2])
        {
            claims.Add(new("email", email));
            identifiers.Add(email);
        }

        if (flags[3])
        {
            claims.Add(new("picture", $"https://pics.example.org/{pic}.png"));
            identifiers.Add(pic);
        }

        if (flags[4])
        {
            claims.Add(new(L + "lis", new JsonObject { ["person_sourcedid"] = sourced, ["course_section_sourcedid"] = "SEC-1" }));
            identifiers.Add(sourced);
        }

        if (flags[5])
        {
            claims.Add(new(L + "role_scope_mentor", new JsonArray(mentee)));
            identifiers.Add(mentee);
        }

        if (flags[6])
        {
            claims.Add(new(L + "for_user", new JsonObject { ["user_id"] = mentee, ["email"] = otherEmail }));
            identifiers.AddRange([mentee, otherEmail]);
        }

        if (flags[7])
        {
            claims.Add(new(L + "tool_platform", new JsonObject { ["guid"] = "platform-1", ["contact_email"] = otherEmail }));
            identifiers.Add(otherEmail);
        }

        if (flags[8])
        {
            claims.Add(new("https://vendor.example.com/claim/owner", new JsonObject { ["mail"] = otherEmail, ["level"] = 3 }));
            identifiers.Add(otherEmail);
        }

        if (flags[9])
        {
            claims.Add(new(L + "lti1p1", new JsonObject { ["user_id"] = "legacy-1", ["oauth_consumer_key"] = "ck" }));
            claims.Add(new(L + "lti11_legacy_user_id", "legacy-1"));
        }

        if (flags[10])
        {
            claims.Add(new(L + "ext", new JsonObject { ["user_username"] = user, ["lms"] = "moodle-2" }));
            identifiers.Add(user);
        }

        if (customKeys.Count > 0)
        {
            var custom = new JsonObject();
            for (var i = 0; i < customKeys.Count; i++)
            {
                var key = customKeys[i];
                switch (customKinds[i])
                {
                    case 0: custom[key] = email; identifiers.Add(email); break;
                    case 1:
                        // A name under an innocuous key is only recognizable when the launch also carries the name claim.
                        custom[key] = $"{given} {family}";
                        if (flags[1])
                        {
                            identifiers.AddRange([given, family]);
                        }

                        break;
                    case 2: custom[key] = "$Person.name.full"; break;
                    case 3: custom[key] = flags[0] ? sub : "plain"; break;
                    default: custom[key] = "Fall term"; break;
                }
            }

            claims.Add(new(L + "custom", custom));
        }

        var payload = new JsonObject();
        foreach (var index in order.Where(i => i < claims.Count).Concat(Enumerable.Range(0, claims.Count).Where(i => i >= order.Length)))
        {
            payload.Add(claims[index].Key, claims[index].Value);
        }

        return new LaunchCase(payload.ToJsonString(), identifiers.Distinct(StringComparer.Ordinal).ToList());
    }
}
