//! The starting maps that ship with Journeymap: six journeys most organisations recognise, each
//! with its stages, a handful of cards the customer meets, the feelings along the way and the
//! moments that decide whether the customer stays. Written to be renamed and filled in, not kept.

use super::{card, moment, note, MapTemplate, StageSpec};
use crate::model::LaneKind::{
    Backstage, CustomerActions as Does, Frontstage, Opportunities as Idea, PainPoints as Pain,
    SupportSystems, ThoughtsAndFeelings as Feels, Touchpoints as Meets,
};

pub(super) const BUILT_IN: [MapTemplate; 6] = [
    MapTemplate {
        key: "airline-trip",
        name: "Airline trip",
        summary: "From searching for a flight to leaving the arrivals hall with the bag.",
        stages: &[
            StageSpec {
                name: "Book",
                items: &[
                    note(Does, "Compares fares and times"),
                    card(Meets, "Search and book on the website", "Website", 1),
                    note(Pain, "Bag fees appear only at payment"),
                ],
            },
            StageSpec {
                name: "Prepare",
                items: &[
                    card(Meets, "Booking confirmation email", "Email", 1),
                    card(Meets, "Online check-in opens", "Mobile app", 0),
                    note(Feels, "\u{201c}Is my seat still next to my partner?\u{201d}"),
                ],
            },
            StageSpec {
                name: "Airport",
                items: &[
                    moment(
                        Frontstage,
                        "Bag drop at the counter",
                        "Counter",
                        -2,
                        "A long queue here colours the whole trip; the customer blames the airline, not the airport.",
                    ),
                    card(Meets, "Security and boarding gate", "Airport", -1),
                    note(Pain, "One bag-drop lane open at peak"),
                ],
            },
            StageSpec {
                name: "Fly",
                items: &[
                    card(Frontstage, "Cabin crew welcome and service", "On board", 2),
                    card(Backstage, "Catering loaded to seat count", "Operations", 0),
                    note(Idea, "Order meals in the app before boarding"),
                ],
            },
            StageSpec {
                name: "Arrive",
                items: &[
                    moment(
                        Meets,
                        "Bag on the belt",
                        "Airport",
                        -1,
                        "The last thing the customer remembers: a missing bag undoes a good flight.",
                    ),
                    card(SupportSystems, "Baggage tracking system", "Systems", 0),
                    note(Idea, "Push the belt number and bag status to the phone"),
                ],
            },
        ],
    },
    MapTemplate {
        key: "hotel-stay",
        name: "Hotel stay",
        summary: "A guest's stay from choosing the hotel to the review written at home.",
        stages: &[
            StageSpec {
                name: "Choose",
                items: &[
                    note(Does, "Reads reviews, compares prices"),
                    card(Meets, "Booking site listing and photos", "Website", 1),
                ],
            },
            StageSpec {
                name: "Arrive",
                items: &[
                    moment(
                        Frontstage,
                        "Check-in at reception",
                        "Front desk",
                        -1,
                        "The first face of the hotel: a warm, quick welcome sets the tone for every night.",
                    ),
                    card(Backstage, "Room made ready before arrival", "Housekeeping", 0),
                    note(Pain, "Room not ready at 3 pm"),
                ],
            },
            StageSpec {
                name: "Stay",
                items: &[
                    card(Meets, "Room, bed and shower", "Room", 2),
                    card(Frontstage, "Breakfast", "Restaurant", 1),
                    note(Feels, "\u{201c}Finally, a quiet room.\u{201d}"),
                ],
            },
            StageSpec {
                name: "Leave",
                items: &[
                    moment(
                        Frontstage,
                        "Check-out and the bill",
                        "Front desk",
                        -2,
                        "An unexpected charge on the bill is what the guest tells friends about.",
                    ),
                    note(Idea, "Send the bill the evening before"),
                ],
            },
            StageSpec {
                name: "Remember",
                items: &[
                    card(Meets, "Thank-you email and review request", "Email", 0),
                    note(Idea, "Answer every review within a day"),
                ],
            },
        ],
    },
    MapTemplate {
        key: "online-purchase",
        name: "Online purchase",
        summary: "Buying from a web shop: finding the product, paying, delivery and returns.",
        stages: &[
            StageSpec {
                name: "Discover",
                items: &[
                    card(Meets, "Search ad or social post", "Social media", 0),
                    card(Meets, "Product page", "Website", 1),
                ],
            },
            StageSpec {
                name: "Buy",
                items: &[
                    moment(
                        Meets,
                        "Checkout and payment",
                        "Website",
                        -1,
                        "Most baskets are abandoned here: surprise shipping costs or a forced account lose the sale.",
                    ),
                    note(Pain, "Has to create an account to pay"),
                    note(Idea, "Guest checkout, costs shown up front"),
                ],
            },
            StageSpec {
                name: "Wait",
                items: &[
                    card(Meets, "Order confirmation and tracking", "Email", 1),
                    card(Backstage, "Picking and packing", "Warehouse", 0),
                    note(Feels, "\u{201c}Will it come before the weekend?\u{201d}"),
                ],
            },
            StageSpec {
                name: "Receive",
                items: &[
                    moment(
                        Frontstage,
                        "Parcel at the door",
                        "Courier",
                        2,
                        "Delivered on the promised day, in good shape: the customer buys again.",
                    ),
                    card(SupportSystems, "Carrier's delivery slots", "Systems", 0),
                ],
            },
            StageSpec {
                name: "Return",
                items: &[
                    card(Meets, "Returns form and label", "Website", -2),
                    note(Pain, "Refund takes two weeks"),
                ],
            },
        ],
    },
    MapTemplate {
        key: "bank-account",
        name: "Bank account opening",
        summary: "Opening a current account: from comparing banks to the first card payment.",
        stages: &[
            StageSpec {
                name: "Compare",
                items: &[
                    note(Does, "Compares fees and apps"),
                    card(Meets, "Account comparison page", "Website", 0),
                ],
            },
            StageSpec {
                name: "Apply",
                items: &[
                    card(Meets, "Application form", "Mobile app", 0),
                    moment(
                        Meets,
                        "Identity check",
                        "Mobile app",
                        -2,
                        "Where applicants give up: a failed selfie or passport scan with no human to help.",
                    ),
                    note(Pain, "Passport scan fails in poor light"),
                ],
            },
            StageSpec {
                name: "Wait",
                items: &[
                    card(Backstage, "Compliance review", "Operations", 0),
                    card(Meets, "Status emails", "Email", -1),
                    note(Feels, "\u{201c}Has anyone even looked at it?\u{201d}"),
                ],
            },
            StageSpec {
                name: "Start",
                items: &[
                    card(Meets, "Card arrives by post", "Post", 1),
                    card(Meets, "First log-in to the app", "Mobile app", 1),
                    note(Idea, "Virtual card on the day of approval"),
                ],
            },
            StageSpec {
                name: "Use",
                items: &[
                    moment(
                        Meets,
                        "First card payment",
                        "Shop",
                        2,
                        "The first payment that just works turns an applicant into a customer.",
                    ),
                    card(SupportSystems, "Card payment network", "Systems", 0),
                ],
            },
        ],
    },
    MapTemplate {
        key: "b2b-onboarding",
        name: "B2B software onboarding",
        summary: "A business customer from signed contract to the team using the software every day.",
        stages: &[
            StageSpec {
                name: "Sign",
                items: &[
                    card(Frontstage, "Contract and kick-off call", "Video call", 1),
                    note(Does, "Names a project lead"),
                ],
            },
            StageSpec {
                name: "Set up",
                items: &[
                    card(Meets, "Admin console and single sign-on", "Web app", -1),
                    card(Backstage, "Data migration", "Services team", -1),
                    note(Pain, "IT approval takes three weeks"),
                ],
            },
            StageSpec {
                name: "Train",
                items: &[
                    card(Frontstage, "Training sessions", "Video call", 1),
                    card(Meets, "Help centre", "Website", 0),
                    note(Idea, "Short videos per role"),
                ],
            },
            StageSpec {
                name: "Go live",
                items: &[
                    moment(
                        Meets,
                        "First week in real use",
                        "Web app",
                        -1,
                        "Whether the team keeps using it is decided in the first week; problems left unanswered now become cancellations later.",
                    ),
                    card(Frontstage, "Support chat", "Chat", 1),
                    note(Feels, "\u{201c}The old tool was faster for this.\u{201d}"),
                ],
            },
            StageSpec {
                name: "Grow",
                items: &[
                    card(Frontstage, "Quarterly business review", "Meeting", 1),
                    card(SupportSystems, "Usage analytics", "Systems", 0),
                ],
            },
        ],
    },
    MapTemplate {
        key: "hospital-visit",
        name: "Hospital visit",
        summary: "An outpatient's visit: the referral, the appointment, the day itself and the follow-up.",
        stages: &[
            StageSpec {
                name: "Referral",
                items: &[
                    card(Meets, "Referral letter from the family doctor", "Letter", 0),
                    note(Feels, "\u{201c}What happens next?\u{201d}"),
                ],
            },
            StageSpec {
                name: "Appointment",
                items: &[
                    card(Meets, "Booking by phone", "Phone", -2),
                    card(Meets, "Reminder text message", "SMS", 1),
                    note(Pain, "Forty minutes on hold"),
                ],
            },
            StageSpec {
                name: "Arrival",
                items: &[
                    card(Frontstage, "Reception and registration", "Desk", -1),
                    card(Meets, "Signs to the clinic", "Building", -1),
                    note(Idea, "Check in at a kiosk, show the waiting time"),
                ],
            },
            StageSpec {
                name: "Consultation",
                items: &[
                    moment(
                        Frontstage,
                        "Talk with the specialist",
                        "Clinic",
                        1,
                        "Being listened to and leaving with a clear plan matters more to the patient than the wait before it.",
                    ),
                    card(Backstage, "Test results ready in the record", "Laboratory", 0),
                ],
            },
            StageSpec {
                name: "Follow-up",
                items: &[
                    card(Meets, "Letter with results and next steps", "Letter", 0),
                    card(SupportSystems, "Patient record system", "Systems", 0),
                    note(Pain, "Results arrive after the next appointment"),
                ],
            },
        ],
    },
];
