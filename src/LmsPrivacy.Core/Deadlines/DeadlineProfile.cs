namespace LmsPrivacy.Deadlines;

/// <summary>Which counting rules a subject-request deadline follows.</summary>
public enum DeadlineProfile
{
    /// <summary>
    /// EU/EEA GDPR: Art. 12(3) counted per Regulation (EEC, Euratom) No 1182/71 — the day of receipt is not counted, a month
    /// ends on the same date of the final month (or its last day), and an end on a Saturday, Sunday or public holiday moves
    /// to the next working day. Public holidays are those of an EU/EEA member state.
    /// </summary>
    Eu = 0,

    /// <summary>
    /// UK GDPR as the ICO counts it: the day of receipt is day one and the period runs to the corresponding calendar date in
    /// the next month (the last day of that month when there is none); a weekend or UK bank holiday moves it to the next
    /// working day. Public holidays are those of a UK nation (GB, GB-SCT, GB-NIR).
    /// </summary>
    Uk = 1,
}
