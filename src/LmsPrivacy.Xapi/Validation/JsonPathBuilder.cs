using System.Globalization;
using System.Text;

namespace LmsPrivacy.Xapi.Validation;

/// <summary>A stack of JSON path segments; the string is built only when a finding needs it.</summary>
internal sealed class JsonPathBuilder
{
    private static readonly string[] IndexSegments = [.. Enumerable.Range(0, 64).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{i}]"))];
    private string[] _segments = new string[16];
    private int _count;
    private readonly string _root;

    public JsonPathBuilder(string root = "$") => _root = root;

    public void Push(string segment)
    {
        if (_count == _segments.Length)
        {
            Array.Resize(ref _segments, _count * 2);
        }

        _segments[_count++] = segment;
    }

    public void PushIndex(int index) => Push(index < IndexSegments.Length ? IndexSegments[index] : string.Create(CultureInfo.InvariantCulture, $"[{index}]"));

    public void PushName(string name) => Push(NameSegment(name));

    public void Clear() => _count = 0;

    public void Pop() => _count--; // segments are shared strings; the slot is overwritten by the next Push

    public string With(string segment) => ToString() + segment;

    public override string ToString()
    {
        if (_count == 0)
        {
            return _root;
        }

        var text = new StringBuilder(_root);
        foreach (var segment in _segments.AsSpan(0, _count))
        {
            text.Append(segment);
        }

        return text.ToString();
    }

    public static string NameSegment(string name)
    {
        var simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        foreach (var c in name)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return simple ? "." + name : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}
