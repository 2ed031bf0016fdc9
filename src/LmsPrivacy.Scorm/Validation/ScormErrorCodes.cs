namespace LmsPrivacy.Scorm.Validation;

/// <summary>The SCORM run-time error codes the validators report (RTE 3.1.7.6; RTE 1.2 3.3.2).</summary>
public static class ScormErrorCodes
{
    /// <summary>No error.</summary>
    public const int NoError = 0;

    /// <summary>2004: general set failure (index out of order, duplicate or changed objective id).</summary>
    public const int GeneralSetFailure2004 = 351;

    /// <summary>2004: undefined data model element.</summary>
    public const int UndefinedElement2004 = 401;

    /// <summary>2004: data model element is read only (also: setting a keyword).</summary>
    public const int ReadOnly2004 = 404;

    /// <summary>2004: data model element is write only.</summary>
    public const int WriteOnly2004 = 405;

    /// <summary>2004: data model element type mismatch.</summary>
    public const int TypeMismatch2004 = 406;

    /// <summary>2004: data model element value out of range.</summary>
    public const int OutOfRange2004 = 407;

    /// <summary>2004: data model dependency not established.</summary>
    public const int Dependency2004 = 408;

    /// <summary>1.2: invalid argument (undefined element, index out of order).</summary>
    public const int InvalidArgument12 = 201;

    /// <summary>1.2: element is a keyword and cannot be set.</summary>
    public const int Keyword12 = 402;

    /// <summary>1.2: element is read only.</summary>
    public const int ReadOnly12 = 403;

    /// <summary>1.2: element is write only.</summary>
    public const int WriteOnly12 = 404;

    /// <summary>1.2: incorrect data type (type, range and length).</summary>
    public const int IncorrectDataType12 = 405;
}
