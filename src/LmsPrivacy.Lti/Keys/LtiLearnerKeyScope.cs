namespace LmsPrivacy.Lti.Keys;

/// <summary>Which launch values, besides <c>iss</c> and <c>sub</c>, a pseudonymous learner key is derived from.</summary>
public enum LtiLearnerKeyScope
{
    /// <summary>(iss, sub): one key per platform user, shared by every registration and deployment of that issuer.</summary>
    Issuer = 0,

    /// <summary>(iss, client_id, sub): one key per user per tool registration; right for shared issuers (Canvas, Blackboard).</summary>
    Client = 1,

    /// <summary>(iss, client_id, deployment_id, sub): one key per user per deployment; splits a learner across per-course deployments.</summary>
    Deployment = 2,
}
