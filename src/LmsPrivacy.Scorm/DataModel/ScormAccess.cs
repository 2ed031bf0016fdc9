namespace LmsPrivacy.Scorm.DataModel;

/// <summary>What a SCO may do with an element through the run-time API.</summary>
public enum ScormAccess
{
    /// <summary>GetValue only; SetValue fails (2004: 404, 1.2: 403).</summary>
    ReadOnly = 0,

    /// <summary>SetValue only; GetValue fails (2004: 405, 1.2: 404).</summary>
    WriteOnly = 1,

    /// <summary>Both GetValue and SetValue.</summary>
    ReadWrite = 2,
}
