using System.Globalization;
using System.Text;

namespace LmsPrivacy.Xapi.Validation;

/// <summary>A stack of JSON path segments; the string is built only when a finding needs it.</summary>
internal sealed class JsonPathBuilder
{
    private static readonly string[] IndexSegments = [.. Enumerable.Range(0, 64).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{i}]"))];
    private readonly List<string> _segments = new(16);
    private readonly string _root;

    public JsonPathBuilder(string root = "$") => _root = root;

    public void Push(string segment) => _segments.Add(segment);

    public void PushIndex(int index) => _segments.Add(index < IndexSegments.Length ? IndexSegments[index] : string.Create(CultureInfo.InvariantCulture, $"[{index}]"));

    public void PushName(string name) => _segments.Add(NameSegment(name));

    public void Clear() => _segments.Clear();

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public string With(string segment) => ToString() + segment;

    public override string ToString()
    {
        if (_segments.Count == 0)
        {
            return _root;
        }

        var text = new StringBuilder(_root);
        foreach (var segment in _segments)
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
