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
        // Core's enums (LawfulBasis, SpecialCategoryCondition, DataCategory) carry StrictJsonStringEnumConverter themselves.
        typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter),
    ])]
[JsonSerializable(typeof(RecordOfProcessing))]
[JsonSerializable(typeof(DataProcessingAgreement))]
[JsonSerializable(typeof(CountryDataDocument))]
internal sealed partial class RopaJsonContext : JsonSerializerContext;
