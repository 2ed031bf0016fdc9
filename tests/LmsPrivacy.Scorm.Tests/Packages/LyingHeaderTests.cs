using System.Buffers.Binary;
using System.Text;
using LmsPrivacy.Scorm.Packages;

namespace LmsPrivacy.Scorm.Tests.Packages;

public sealed class LyingHeaderTests
{
    /// <summary>Rewrites the declared uncompressed size of an entry in both its local header and its central-directory record.</summary>
    private static byte[] DeclareSize(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
            }
        }

        return zip;
    }

    [Fact]
    public void AuditZip_EntryLargerThanItsHeaderClaims_NeverExpandedBeyondTheDeclaredSize()
    {
        using var honest = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), ("big.js", new string('a', 200_000)));
        var bytes = DeclareSize(honest.ToArray(), "big.js", 1000);

        var report = new ScormPackageAuditor().AuditZip(new MemoryStream(bytes));

        // Either the reader stops at the declared size (.NET's entry stream does) or the audit refuses the package;
        // it never throws and never holds more than the header declared.
        Assert.True(report.Refused || report.TotalBytes == 1000 + "<manifest/>".Length, $"{report.TotalBytes}");
    }
}

public sealed class DamagedZipTests
{
    [Fact]
    public void AuditZip_DamagedDeflateData_MalformedFindingNotException()
    {
        using var honest = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), ("a.js", new string('a', 50_000)));
        var bytes = honest.ToArray();
        var name = Encoding.UTF8.GetBytes("a.js");
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                var data = i + 30 + name.Length + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
                bytes.AsSpan(data, 8).Fill(0xFF);
            }
        }

        var report = new ScormPackageAuditor().AuditZip(new MemoryStream(bytes));

        Assert.Contains(report.Findings, f => f.Code == "scorm.package.zip.malformed");
    }
}
