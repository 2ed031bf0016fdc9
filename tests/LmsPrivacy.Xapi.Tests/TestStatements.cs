using System.Text.Json;
using System.Text.Json.Nodes;

namespace LmsPrivacy.Xapi.Tests;

/// <summary>Statements for tests, shaped like the ADL conformance suite's default templates.</summary>
internal static class TestStatements
{
    public const string Minimal = """
        {"actor":{"objectType":"Agent","mbox":"mailto:xapi@adlnet.gov"},
         "verb":{"id":"http://adlnet.gov/expapi/verbs/attended","display":{"en-GB":"attended","en-US":"attended"}},
         "object":{"objectType":"Activity","id":"http://www.example.com/meetings/occurances/34534"}}
        """;

    public const string Full = """
        {"id":"fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
         "actor":{"objectType":"Agent","name":"Project Tin Can API","mbox":"mailto:xapi@adlnet.gov"},
         "verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},
         "object":{"objectType":"Activity","id":"http://www.example.com/tincan/activities/multipart",
           "definition":{"name":{"en-US":"Question 1"},"description":{"en-US":"A choice question"},
             "type":"http://adlnet.gov/expapi/activities/cmi.interaction","moreInfo":"http://virtualmeeting.example.com/345256",
             "interactionType":"choice","correctResponsesPattern":["golf[,]tetris"],
             "choices":[{"id":"golf","description":{"en-US":"Golf Example"}},{"id":"tetris","description":{"en-US":"Tetris Example"}}],
             "extensions":{"http://example.com/profiles/meetings/extension/location":"X:\\meetings\\minutes\\examplemeeting.one"}}},
         "result":{"score":{"scaled":0.95,"raw":95,"min":0,"max":100},"success":true,"completion":true,
           "response":"golf[,]tetris","duration":"PT4H35M59.14S","extensions":{"http://example.com/profiles/meetings/resultextensions/minuteslocation":"X:\\meetings\\minutes\\examplemeeting.one"}},
         "context":{"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7",
           "instructor":{"objectType":"Agent","name":"Andrew Downes","account":{"homePage":"http://www.example.com","name":"13936749"}},
           "team":{"objectType":"Group","name":"Team PB","mbox":"mailto:teampb@example.com"},
           "contextActivities":{"parent":[{"id":"http://www.example.com/meetings/series/267","objectType":"Activity"}],
             "category":{"id":"http://www.example.com/meetings/categories/teammeeting","objectType":"Activity"}},
           "revision":"r1","platform":"Example virtual meeting software","language":"tlh",
           "statement":{"objectType":"StatementRef","id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee"},
           "extensions":{"http://example.com/profiles/meetings/contextextensions/topic":"Financial Reporting"}},
         "timestamp":"2013-05-18T05:32:34.804+00:00","stored":"2013-05-18T05:32:34.804Z",
         "authority":{"objectType":"Group","member":[
           {"objectType":"Agent","account":{"homePage":"http://example.com/xAPI/OAuth/Token","name":"oauth_consumer_x75db"}},
           {"objectType":"Agent","mbox":"mailto:bob@example.com"}]},
         "version":"1.0.3",
         "attachments":[{"usageType":"http://adlnet.gov/expapi/attachments/signature","display":{"en-US":"Signature"},
           "contentType":"application/octet-stream","length":4235,"sha2":"672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634"}]}
        """;

    public static JsonObject Node(string json = Minimal) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Returns <paramref name="json"/> with the value at a dotted path (created as needed) set to <paramref name="valueJson"/>.</summary>
    public static string With(string json, string path, string? valueJson)
    {
        var root = Node(json);
        var parts = path.Split('.');
        JsonNode current = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            if (current is JsonArray array)
            {
                current = array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]!;
                continue;
            }

            var obj = current.AsObject();
            if (obj[part] is null)
            {
                obj[part] = new JsonObject();
            }

            current = obj[part]!;
        }

        var last = parts[^1];
        if (valueJson is null)
        {
            current.AsObject().Remove(last);
        }
        else
        {
            current.AsObject()[last] = JsonNode.Parse(valueJson);
        }

        return root.ToJsonString();
    }

    public static string With(string path, string? valueJson) => With(Minimal, path, valueJson);

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement;
}
