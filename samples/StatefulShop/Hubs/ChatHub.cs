using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace StatefulShop.Hubs;

/// <summary>Live support chat between shoppers and the support team.</summary>
public sealed class ChatHub : Hub
{
    // SL1001: who is online, per replica; a shopper connected to another instance is invisible here.
    private static readonly ConcurrentDictionary<string, string> ConnectedUsers = new();

    public override async Task OnConnectedAsync()
    {
        var name = Context.User?.Identity?.Name ?? $"guest-{Context.ConnectionId[..6]}";
        ConnectedUsers.TryAdd(Context.ConnectionId, name);
        await Clients.Others.SendAsync("UserJoined", name);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (ConnectedUsers.TryRemove(Context.ConnectionId, out var name))
            await Clients.Others.SendAsync("UserLeft", name);
        await base.OnDisconnectedAsync(exception);
    }

    public Task SendMessage(string message) =>
        Clients.All.SendAsync("ReceiveMessage", ConnectedUsers.GetValueOrDefault(Context.ConnectionId, "unknown"), message);

    public IReadOnlyCollection<string> GetOnlineUsers() => ConnectedUsers.Values.ToList();
}
