"""A real SMTP server on loopback (aiosmtpd) that keeps the messages it receives."""

import email
import email.policy

from aiosmtpd.controller import Controller

from tests.production.helpers import free_port


class Mailbox:
    """aiosmtpd's handler: every message received, parsed, with its recipients."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's API)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    def to(self, address):
        """The messages sent to this address."""
        return [message for recipients, message in self.messages if address in recipients]


def start_smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    controller.mailbox = mailbox
    return controller
