using System.Globalization;
using System.Text;

namespace LmsPrivacy.Benchmarks.Xapi;

/// <summary>Generates typical xAPI statements (about 1 KiB each: actor with mbox and name, verb, activity definition, result, context).</summary>
public static class XapiStatementCorpus
{
    public static string Statement(int i)
    {
        var id = Guid(i, 1);
        var registration = Guid(i / 20, 2);
        var text = new StringBuilder(Template)
            .Replace("@ID@", id).Replace("@REG@", registration)
            .Replace("@L@", (i % 5000).ToString(CultureInfo.InvariantCulture))
            .Replace("@C@", (i % 40).ToString(CultureInfo.InvariantCulture))
            .Replace("@Q@", (i % 7).ToString(CultureInfo.InvariantCulture))
            .Replace("@N@", (i % 13).ToString(CultureInfo.InvariantCulture))
            .Replace("@S@", (i % 10).ToString(CultureInfo.InvariantCulture))
            .Replace("@OK@", i % 2 == 0 ? "true" : "false")
            .Replace("@M@", (i % 50).ToString(CultureInfo.InvariantCulture))
            .Replace("@SEC@", (i % 60).ToString("00", CultureInfo.InvariantCulture))
            .Replace("@MIN@", (i / 60 % 60).ToString("00", CultureInfo.InvariantCulture))
            .Replace("@T@", (i % 30).ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private const string Template =
        """{"id":"@ID@","actor":{"objectType":"Agent","name":"Learner @L@","mbox":"mailto:learner@L@@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered","de-DE":"beantwortete"}},"object":{"objectType":"Activity","id":"https://lms.example.org/course/@C@/quiz/@Q@/question/@N@","definition":{"name":{"en-US":"Question @N@"},"description":{"en-US":"A multiple choice question about data protection."},"type":"http://adlnet.gov/expapi/activities/cmi.interaction","interactionType":"choice","correctResponsesPattern":["a[,]c"],"choices":[{"id":"a","description":{"en-US":"Option A"}},{"id":"b","description":{"en-US":"Option B"}},{"id":"c","description":{"en-US":"Option C"}}]}},"result":{"score":{"scaled":0.@S@,"raw":@S@,"min":0,"max":10},"success":@OK@,"completion":true,"response":"a[,]c","duration":"PT@M@M@SEC@.5S"},"context":{"registration":"@REG@","instructor":{"objectType":"Agent","name":"Tutor @T@","account":{"homePage":"https://lms.example.org","name":"staff-@T@"}},"contextActivities":{"parent":[{"id":"https://lms.example.org/course/@C@/quiz/@Q@","objectType":"Activity"}],"grouping":[{"id":"https://lms.example.org/course/@C@","objectType":"Activity"}]},"platform":"Example LMS 4.1","language":"en-GB"},"timestamp":"2026-03-02T10:@MIN@:@SEC@.120+01:00","version":"1.0.3"}""";

    public static byte[] NdJson(int count)
    {
        var text = new StringBuilder(count * 1200);
        for (var i = 0; i < count; i++)
        {
            text.Append(Statement(i)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Writes an NDJSON file of at least <paramref name="bytes"/> bytes; returns the statement count.</summary>
    public static int WriteNdJsonFile(string path, long bytes)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        long written = 0;
        var count = 0;
        while (written < bytes)
        {
            var line = Encoding.UTF8.GetBytes(Statement(count++) + "\n");
            stream.Write(line);
            written += line.Length;
        }

        return count;
    }

    private static string Guid(int i, int salt) =>
        string.Create(CultureInfo.InvariantCulture, $"{i:x8}-{salt:x4}-4{i % 4096:x3}-8{salt:x3}-{(long)i * 2654435761L % 0xFFFFFFFFFFFFL:x12}");
}
