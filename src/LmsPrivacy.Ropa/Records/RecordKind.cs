using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;

namespace LmsPrivacy.Ropa.Records;

/// <summary>Whose record it is: a controller's (GDPR Art. 30(1)) or a processor's (Art. 30(2)).</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<RecordKind>))]
public enum RecordKind
{
    /// <summary>A controller's record, Art. 30(1)(a)–(g): purposes, lawful bases, subjects, data, recipients, transfers, retention, security.</summary>
    [JsonStringEnumMemberName("controller")]
    Controller = 0,

    /// <summary>A processor's record, Art. 30(2)(a)–(d): controllers served, categories of processing, transfers, security. No purposes or lawful bases.</summary>
    [JsonStringEnumMemberName("processor")]
    Processor = 1,
}
