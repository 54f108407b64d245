namespace StatefulShop.Models;

/// <summary>An item on the back-office to-do list served by the minimal API in Program.cs.</summary>
public sealed record Todo(int Id, string Title, bool IsDone);

public sealed record LoginRequest(string Email);

public sealed record EmailMessage(string To, string Subject, string Body);
