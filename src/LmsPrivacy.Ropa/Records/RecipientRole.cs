using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;

namespace LmsPrivacy.Ropa.Records;

/// <summary>What a recipient is to the controller (Art. 4(9), 4(8), 26, 28).</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<RecipientRole>))]
public enum RecipientRole
{
    /// <summary>A department or staff of the controller itself.</summary>
    [JsonStringEnumMemberName("internal")]
    Internal = 0,

    /// <summary>A processor acting on the controller's behalf; needs an Art. 28(3) contract.</summary>
    [JsonStringEnumMemberName("processor")]
    Processor = 1,

    /// <summary>A processor engaged by a processor; needs an Art. 28(4) contract with it.</summary>
    [JsonStringEnumMemberName("sub-processor")]
    SubProcessor = 2,

    /// <summary>An independent controller receiving the data (a disclosure, not a processing contract).</summary>
    [JsonStringEnumMemberName("controller")]
    Controller = 3,

    /// <summary>A joint controller under an Art. 26 arrangement.</summary>
    [JsonStringEnumMemberName("joint-controller")]
    JointController = 4,

    /// <summary>A public authority receiving data under a legal obligation.</summary>
    [JsonStringEnumMemberName("public-authority")]
    PublicAuthority = 5,
}
