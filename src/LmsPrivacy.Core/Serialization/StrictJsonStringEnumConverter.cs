using System.Text.Json.Serialization;

namespace LmsPrivacy.Serialization;

/// <summary>
/// A <see cref="JsonStringEnumConverter{TEnum}"/> that accepts only the enum's names, never integers, so that an
/// undefined value such as <c>"lawfulBasis": 99</c> is a JSON error instead of a silently accepted value.
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
/// <remarks>Used on every LmsPrivacy enum read from documents; hosts can use it on their own enums.</remarks>
public sealed class StrictJsonStringEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Initializes the converter: member names (or their <see cref="JsonStringEnumMemberNameAttribute"/> names) only.</summary>
    public StrictJsonStringEnumConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
