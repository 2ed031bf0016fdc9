namespace LmsPrivacy.Xapi.Actors;

/// <summary>An xAPI account (Data 2.4.2.4): a user name on a system identified by its home page.</summary>
/// <param name="HomePage">The IRL of the system that issued the account.</param>
/// <param name="Name">The account's unique id or name on that system; the spec recommends an opaque id.</param>
public sealed record XapiAccount(string HomePage, string Name);
