// LmsPrivacy.Core: personal-data taxonomy, findings, lawful bases, keyed pseudonymization and hashing,
// GDPR deadlines and data-subject requests. Every other LmsPrivacy package depends on this one only.
[assembly: System.CLSCompliant(false)]
