using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Ropa.Tests;

/// <summary>The published JSON Schemas name every property the serializer writes, and nothing it does not know.</summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData("ropa.schema.json", "lms-controller.ropa.json")]
    [InlineData("ropa.schema.json", "lrs-vendor.processor-ropa.json")]
    [InlineData("dpa.schema.json", "lrs-vendor-good.dpa.json")]
    [InlineData("dpa.schema.json", "lrs-vendor-weak.dpa.json")]
    public void Schema_CoversEveryPropertyTheModelWrites(string schema, string sample)
    {
        var schemaNames = PropertyNames(JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "schemas", schema))).RootElement, inSchema: true);
        schemaNames.UnionWith(PropertyNames(JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "schemas", "ropa.schema.json"))).RootElement, inSchema: true));
        var bytes = TestData.SampleBytes(sample);
        var written = schema.StartsWith("ropa", StringComparison.Ordinal)
            ? RopaJson.Serialize(RopaJson.ParseRecord(bytes))
            : RopaJson.Serialize(RopaJson.ParseDpa(bytes));

        var names = PropertyNames(JsonDocument.Parse(Encoding.UTF8.GetBytes(written)).RootElement, inSchema: false);

        Assert.Empty(names.Except(schemaNames));
    }

    private static HashSet<string> PropertyNames(JsonElement element, bool inSchema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        if (inSchema && property.Name == "properties")
                        {
                            foreach (var declared in property.Value.EnumerateObject())
                            {
                                names.Add(declared.Name);
                            }
                        }
                        else if (!inSchema)
                        {
                            names.Add(property.Name);
                        }

                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(element);
        return names;
    }
}
