namespace StatelessAnalyzers.Tests.Verification;

/// <summary>A verification failure: the message says what was expected, what happened, and where.</summary>
public sealed class VerificationException : Exception
{
    public VerificationException(string message)
        : base(message)
    {
    }

    public VerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
