"""The yearly training summary: sessions held against the plan's target."""

from dataclasses import dataclass

from .models import TrainingSession


@dataclass
class TrainingSummary:
    year: int
    planned: int
    sessions: list

    @property
    def held(self):
        return len(self.sessions)

    @property
    def met(self):
        return self.held >= self.planned

    @property
    def staff_trained(self):
        return len({user.pk for session in self.sessions for user in session.attendees.all()})

    @property
    def attendances(self):
        return sum(session.attendee_count for session in self.sessions)


def yearly_summary(year, plan=None):
    sessions = list(
        TrainingSession.objects.filter(date__year=year).prefetch_related("attendees", "materials__document")
    )
    return TrainingSummary(year, plan.training_sessions if plan else 0, sessions)
