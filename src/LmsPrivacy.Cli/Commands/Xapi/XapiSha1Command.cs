using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Findings;
using LmsPrivacy.Xapi;
using LmsPrivacy.Xapi.Actors;

namespace LmsPrivacy.Cli.Commands.Xapi;

/// <summary><c>lmsprivacy xapi sha1 &lt;mailto-IRI-or-email&gt;</c> → <c>{"mbox","mbox_sha1sum","findings"}</c>.</summary>
internal static class XapiSha1Command
{
    public static Command Create(CliContext context)
    {
        var value = new Argument<string>("mbox")
        {
            Description = "A mailto IRI (mailto:learner@example.org) or a bare e-mail address ('mailto:' is then added, with an info finding).",
        };
        var lowercaseDomain = new Option<bool>("--lowercase-domain") { Description = "Lower-case the domain part before hashing (the local part is kept)." };
        var nfc = new Option<bool>("--nfc") { Description = "Apply Unicode NFC before hashing." };
        var command = new Command("sha1", "Compute mbox_sha1sum exactly as xAPI does: SHA-1 of the UTF-8 bytes of the whole mailto IRI, lower-case hex. Not pseudonymization.")
        {
            value, lowercaseDomain, nfc,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var mbox = parseResult.GetRequiredValue(value);
            var findings = new List<Finding>();
            if (!mbox.StartsWith(Mbox.Scheme, StringComparison.Ordinal) && !mbox.Contains(':', StringComparison.Ordinal) && mbox.Contains('@', StringComparison.Ordinal)
                && mbox.Trim().Length == mbox.Length)
            {
                mbox = Mbox.Scheme + mbox;
                findings.Add(XapiRules.MboxSchemeAdded.At("$.mbox", "A bare e-mail address was given: 'mailto:' was put in front before hashing."));
            }

            findings.AddRange(Mbox.Validate(mbox, "$.mbox").Findings);
            var normalization = (parseResult.GetValue(lowercaseDomain) ? MboxNormalization.LowercaseDomain : MboxNormalization.None)
                | (parseResult.GetValue(nfc) ? MboxNormalization.Nfc : MboxNormalization.None);
            string? normalized = null;
            string? sha1 = null;
            if (!findings.Any(f => f.IsError))
            {
                normalized = Mbox.Normalize(mbox, normalization);
                sha1 = Mbox.ComputeSha1Sum(normalized);
            }

            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    if (normalized is null)
                    {
                        w.WriteNull("mbox");
                        w.WriteNull("mbox_sha1sum");
                    }
                    else
                    {
                        w.WriteString("mbox", normalized);
                        w.WriteString("mbox_sha1sum", sha1);
                    }

                    CliJson.WriteFindings(w, findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                if (sha1 is not null)
                {
                    context.Output.WriteLine(sha1);
                }

                TextOutput.WriteFindings(context, findings);
            }

            return ExitCodes.For(findings);
        });
        return command;
    }
}
