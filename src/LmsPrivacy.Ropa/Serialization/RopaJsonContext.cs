using System.Text.Json.Serialization;
using LmsPrivacy.Classification;
using LmsPrivacy.Legal;
using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Dpa;
using LmsPrivacy.Ropa.Records;

namespace LmsPrivacy.Ropa.Serialization;

/// <summary>Source-generated (reflection-free) JSON metadata for records, DPAs and country data.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    MaxDepth = 32,
    WriteIndented = true,
    Converters =
    [
        typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter),

        // Core's enums carry the default JsonStringEnumConverter, which accepts integers (e.g. "lawfulBasis": 99);
        // converters in the options take precedence over the type's attribute, so these refuse anything but a wire name.
        typeof(StrictEnumConverter<LawfulBasis>), typeof(StrictEnumConverter<SpecialCategoryCondition>), typeof(StrictEnumConverter<DataCategory>),
    ])]
[JsonSerializable(typeof(RecordOfProcessing))]
[JsonSerializable(typeof(DataProcessingAgreement))]
[JsonSerializable(typeof(CountryDataDocument))]
internal sealed partial class RopaJsonContext : JsonSerializerContext;
