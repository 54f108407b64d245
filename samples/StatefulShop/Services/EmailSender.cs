using System.Collections.Concurrent;
using StatefulShop.Models;

namespace StatefulShop.Services;

public interface IEmailSender
{
    Task SendOrderConfirmationAsync(Order order, CancellationToken cancellationToken = default);
}

/// <summary>Sends transactional e-mail; messages that fail are retried with the next send.</summary>
public sealed class EmailSender(ILogger<EmailSender> logger) : IEmailSender
{
    // SL4002: a static in-memory outbox; unsent mail dies with the process.
    private static readonly ConcurrentQueue<EmailMessage> Outbox = new();

    public async Task SendOrderConfirmationAsync(Order order, CancellationToken cancellationToken = default)
    {
        Outbox.Enqueue(new EmailMessage(
            order.CustomerEmail,
            $"Your order #{order.Id} is confirmed",
            $"Thank you! We received {order.Lines.Count} item(s), {order.Total:C}."));

        while (Outbox.TryPeek(out var message))
        {
            await DeliverAsync(message, cancellationToken);
            Outbox.TryDequeue(out _);
        }
    }

    private async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        // Stands in for the SMTP call.
        await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        logger.LogInformation("Sent '{Subject}' to {Recipient}", message.Subject, message.To);
    }
}
