// LmsPrivacy.Ropa: GDPR Art. 30 records of processing, their checks and exports, and Art. 28 DPA checks.
[assembly: System.CLSCompliant(false)]
